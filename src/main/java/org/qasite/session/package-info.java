/** Sessions: login, logout, the encrypted session cookie and its revocable part, and the login throttle. */
package org.qasite.session;
