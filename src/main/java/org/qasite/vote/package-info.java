/** Votes on questions and answers, as forms and as API. */
package org.qasite.vote;
