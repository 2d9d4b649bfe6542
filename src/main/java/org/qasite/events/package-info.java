/** Events on Redis Streams: the outbox, its relay, the reusable stream consumer and stream positions; knows no feature. */
package org.qasite.events;
