/** The right column: popular tags and best members, recomputed on a schedule from events and cached (a consumer of events). */
package org.qasite.stats;
