/** Which language a request is read in (the member's setting, else Accept-Language), for templates and validation. */
package org.qasite.web.i18n;
