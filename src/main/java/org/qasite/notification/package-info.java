/**
 * Notifications: the consumer group that turns events into inbox rows (and queues their instant mail), the inbox and
 * its unread count, and the digests of unread notifications.
 */
package org.qasite.notification;
