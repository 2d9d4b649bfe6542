/** Tags: names, normalisation, the tag entity, and the list of every tag with its question count (/tags). */
package org.qasite.tag;
