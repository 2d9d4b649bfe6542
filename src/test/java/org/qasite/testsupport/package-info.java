/** What the tests of every package share: data and sessions on the site, the servers around it, the site as processes. */
package org.qasite.testsupport;
