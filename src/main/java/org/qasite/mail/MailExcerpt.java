package org.qasite.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a post a mail quotes: as one line of text for the text part ({@link #text}), and for the HTML part as
 * blocks in which code keeps its lines ({@link #blocks}), so that a quoted code block reads as code on a phone too.
 * Both are cut to the same number of characters.
 */
public record MailExcerpt(String text, List<Block> blocks) {

    /** A paragraph of text, or a code block with its line breaks. */
    public record Block(boolean code, String text) {
    }

    private static final Pattern PRE = Pattern.compile("<pre>(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    static MailExcerpt of(String html, int max) {
        return new MailExcerpt(Mails.excerpt(html, max), blocks(html, max));
    }

    private static List<Block> blocks(String html, int max) {
        List<Block> blocks = new ArrayList<>();
        int left = max;
        Matcher pre = PRE.matcher(html);
        int last = 0;
        while (left > 0) {
            boolean found = pre.find();
            String prose = html.substring(last, found ? pre.start() : html.length());
            String text = Mails.excerpt(prose, left);
            if (!text.isEmpty()) {
                blocks.add(new Block(false, text));
                left -= text.length();
            }
            boolean shortened = !text.equals(Mails.excerpt(prose, Integer.MAX_VALUE));
            if (!found || shortened || left <= 0) {
                break;
            }
            String code = Mails.unescape(TAG.matcher(pre.group(1)).replaceAll("")).stripTrailing();
            if (code.length() > left) {
                int cut = code.lastIndexOf('\n', left);
                code = (cut > 0 ? code.substring(0, cut) : code.substring(0, left)) + "\n…";
            }
            if (!code.isBlank()) {
                blocks.add(new Block(true, code));
                left -= code.length();
            }
            last = pre.end();
        }
        return blocks;
    }
}
