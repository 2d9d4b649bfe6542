/** Live answers: the question rooms' WebSockets, presence, and replay from a stream position (a consumer of events). */
package org.qasite.live;
