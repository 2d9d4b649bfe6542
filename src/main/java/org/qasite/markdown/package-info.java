/** Markdown to safe HTML within a budget, and the preview API. */
package org.qasite.markdown;
