/** Demo data: the fill-db command that fills the database with members, questions, answers and votes. */
package org.qasite.demo;
