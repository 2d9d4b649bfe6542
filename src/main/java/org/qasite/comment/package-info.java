/** Comments on questions and answers: short, inline Markdown, {@code @name} mentions of the thread's people. */
package org.qasite.comment;
