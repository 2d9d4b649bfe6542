/** Members: accounts, signup, settings, avatars, roles and the make-admin command's arguments. */
package org.qasite.member;
