/** Guards on every request: same-origin checks, security headers and cookies, request ids, draining at shutdown. */
package org.qasite.web.guard;
