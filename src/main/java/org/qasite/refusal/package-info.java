/** The refusals that services, entities and pages share: what is refused, with which status and message. */
package org.qasite.refusal;
