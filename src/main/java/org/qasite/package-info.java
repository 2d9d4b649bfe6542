/**
 * The Q&amp;A site: its entry point ({@link org.qasite.QaSiteMain}); each feature has a package of its own (see
 * docs/architecture.md).
 */
package org.qasite;
