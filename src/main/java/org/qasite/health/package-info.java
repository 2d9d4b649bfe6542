/** Readiness checks of the services the site uses (Redis, SMTP) on the management interface. */
package org.qasite.health;
