/** Text typed by people: cleaning one-line fields, look-alike scripts, HTML escaping. */
package org.qasite.text;
