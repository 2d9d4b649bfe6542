/** A member's public page: their latest questions and answers. */
package org.qasite.profile;
