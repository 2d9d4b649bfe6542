/** Edits of questions and answers: every edit a revision, the history with its differences, rollback, conflicts. */
package org.qasite.edit;
