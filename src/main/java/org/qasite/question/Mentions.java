package org.qasite.question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.qasite.member.Member;

/**
 * Turns {@code @username} in a comment's sanitized HTML into a link to that member's page, for the people of the
 * thread only; any other {@code @word} stays text, and so does a name inside a code span or a link.
 */
final class Mentions {

    /** The sanitizer writes "@" as a character reference. */
    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.\\-&#;])(?:@|&#64;)([A-Za-z0-9_.\\-]+)");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z]+)[^>]*>");

    /** The HTML with its mentions linked, and the ids of the people mentioned, in order of first mention. */
    record Linked(String html, List<Long> mentionedIds) {
    }

    private Mentions() {
    }

    static Linked link(String html, List<Member> people) {
        Map<String, Member> byName = people.stream()
                .collect(Collectors.toMap(m -> m.username.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        Set<Long> mentioned = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder(html.length() + 64);
        Matcher tag = TAG.matcher(html);
        int at = 0;
        int inside = 0; // depth of <code> and <a>, where names stay as they are
        while (tag.find()) {
            appendText(out, html.substring(at, tag.start()), inside > 0, byName, mentioned);
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (name.equals("code") || name.equals("a")) {
                inside += tag.group(1).isEmpty() ? 1 : -1;
            }
            out.append(tag.group());
            at = tag.end();
        }
        appendText(out, html.substring(at), inside > 0, byName, mentioned);
        return new Linked(out.toString(), new ArrayList<>(mentioned));
    }

    private static void appendText(StringBuilder out, String text, boolean asIs, Map<String, Member> byName,
            Set<Long> mentioned) {
        if (asIs) {
            out.append(text);
            return;
        }
        Matcher m = MENTION.matcher(text);
        int at = 0;
        while (m.find()) {
            String name = m.group(1);
            // a sentence may end right after the name: "thanks @ann."
            while (name.endsWith(".") || name.endsWith("-")) {
                name = name.substring(0, name.length() - 1);
            }
            Member member = byName.get(name.toLowerCase(Locale.ROOT));
            if (member == null) {
                continue;
            }
            mentioned.add(member.id);
            out.append(text, at, m.start())
                    .append("<a href=\"/members/").append(member.username).append("\" class=\"mention\" data-mention>@")
                    .append(member.username).append("</a>");
            at = m.start() + m.group().length() - (m.group(1).length() - name.length());
        }
        out.append(text, at, text.length());
    }
}
