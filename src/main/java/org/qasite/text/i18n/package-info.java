/**
 * The site's words in English and Russian (a Qute message bundle), the languages the site has and their plural forms:
 * for pages, services and mail alike.
 */
package org.qasite.text.i18n;
