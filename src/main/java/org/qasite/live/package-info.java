/**
 * Live pages: the question rooms' WebSockets, presence and replay from a stream position, and each member's
 * {@code /ws/me} with their unread count (a consumer of events).
 */
package org.qasite.live;
