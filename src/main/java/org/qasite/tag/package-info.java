/** Tags: names, normalisation and the tag entity. */
package org.qasite.tag;
