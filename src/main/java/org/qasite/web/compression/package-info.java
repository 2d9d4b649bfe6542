/** Compressed responses: the Vary header of what may be compressed, and the bundles compressed once, in memory. */
package org.qasite.web.compression;
