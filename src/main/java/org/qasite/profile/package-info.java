/** The members' public pages: the list of members (/users) and each one's profile with their questions and answers. */
package org.qasite.profile;
