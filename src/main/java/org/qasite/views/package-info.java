/** View counts of questions, deduplicated per reader, and who a reader is. */
package org.qasite.views;
