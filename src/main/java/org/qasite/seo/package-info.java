/** For search engines and feed readers: robots.txt, the sitemaps, the Atom feeds, the favicon and meta descriptions. */
package org.qasite.seo;
