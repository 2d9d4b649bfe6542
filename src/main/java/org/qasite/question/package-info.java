/**
 * Questions and their answers: the entities, the question page with its answer form and answer fragments, ask, accept, and
 * their API.
 */
package org.qasite.question;
