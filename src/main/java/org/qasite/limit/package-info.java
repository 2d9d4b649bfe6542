/** Rate limits per member or address, and the address a request comes from. */
package org.qasite.limit;
