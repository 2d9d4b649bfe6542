/** Mail about answers (a consumer of events), its log, and one-click unsubscribe links. */
package org.qasite.mail;
