/** Rendering pages: the HTML writer, template extensions, pagers, form tokens, flash messages and the way to the login page. */
package org.qasite.web.page;
