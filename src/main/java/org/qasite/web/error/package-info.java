/** Error pages and API errors: every refusal or failure as a 4xx/5xx with a message, never a stack trace. */
package org.qasite.web.error;
