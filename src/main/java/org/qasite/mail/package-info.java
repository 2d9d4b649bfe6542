/**
 * Mail to members (a consumer of events): each notification's instant mail, the digests, the mails of accounts; its
 * log and queue; the unsubscribe links.
 */
package org.qasite.mail;
