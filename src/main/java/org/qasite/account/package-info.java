/** Accounts people can recover and trust: password reset and email verification by link mails, and their tokens. */
package org.qasite.account;
