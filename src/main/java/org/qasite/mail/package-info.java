/** Mail to members (a consumer of events): about answers, and the mails of accounts; its log; unsubscribe links. */
package org.qasite.mail;
