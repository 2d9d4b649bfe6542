/** One instance at a time: the Redis lock that scheduled jobs of every feature take before they run. */
package org.qasite.lock;
