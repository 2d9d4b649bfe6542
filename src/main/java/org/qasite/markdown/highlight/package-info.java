/** Syntax highlighting of fenced code blocks while Markdown is rendered: small linear scanners, one per kind of language. */
package org.qasite.markdown.highlight;
