/** Full-text search over questions and the suggestions of the header's search box. */
package org.qasite.search;
