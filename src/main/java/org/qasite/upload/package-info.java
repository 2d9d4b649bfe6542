/** Pictures for posts: uploaded by members, checked by their content, stored once per content hash, served forever. */
package org.qasite.upload;
