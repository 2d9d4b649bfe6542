/** Administrators' pages above the features: the stream dashboard (backlogs, consumers, dead letters). */
package org.qasite.admin;
