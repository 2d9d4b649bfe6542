/**
 * Questions, their answers and the comments on both: the entities, the question page with its answer form and answer
 * fragments, ask, accept, comments, deletion, and their API.
 */
package org.qasite.question;
