/** The site's public address and settings; its sub-packages hold the page plumbing. */
package org.qasite.web;
