package org.qasite.tag;

/** A tag and how many questions (not deleted) carry it. */
public record TagCount(String name, long questions) {
}
