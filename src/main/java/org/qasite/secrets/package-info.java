/** One key per purpose, derived with HKDF from the configured secret. */
package org.qasite.secrets;
