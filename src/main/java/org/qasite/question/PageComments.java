package org.qasite.question;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comments a question page shows, by post ({@code question-{id}}, {@code answer-{id}}): the first
 * {@value #SHOWN} of each, or all of the one post the reader asked to see in full; and the comment box that comes back
 * with its text and message after a refusal.
 *
 * @param pageUrl the page as it is (answer page and order), for the "show more" links
 */
public record PageComments(Map<String, List<Comment>> byPost, String showAllFor, String pageUrl, String formFor,
        String formValue, String formError) {

    public static final int SHOWN = 5;

    public static final PageComments NONE = new PageComments(Map.of(), null, "", null, null, null);

    /** The comments read for a page (oldest first), grouped by post. */
    public static PageComments of(List<Comment> comments, String showAllFor, String pageUrl) {
        Map<String, List<Comment>> byPost = new LinkedHashMap<>();
        for (Comment comment : comments) {
            byPost.computeIfAbsent(comment.postKey(), k -> new java.util.ArrayList<>()).add(comment);
        }
        return new PageComments(byPost, showAllFor, pageUrl, null, null, null);
    }

    /** The same comments, with the comment box of {@code key} open, holding the text and the message. */
    public PageComments withForm(String key, String value, String error) {
        return new PageComments(byPost, showAllFor, pageUrl, key, value, error);
    }

    public List<Comment> shown(String key) {
        List<Comment> all = byPost.getOrDefault(key, List.of());
        return key.equals(showAllFor) || all.size() <= SHOWN ? all : all.subList(0, SHOWN);
    }

    /** How many comments of the post wait behind "show more". */
    public int hidden(String key) {
        return byPost.getOrDefault(key, List.of()).size() - shown(key).size();
    }

    /** The page again with every comment of the post shown: the "show more" link, which works without scripts. */
    public String showAllUrl(String key) {
        return pageUrl + (pageUrl.contains("?") ? "&" : "?") + "comments=" + key + "#comments-" + key;
    }

    /** Where the post's comment box posts: {@code /questions/{id}/comments} or {@code /answers/{id}/comments}. */
    public String action(String key) {
        int dash = key.indexOf('-');
        return "/" + key.substring(0, dash) + "s/" + key.substring(dash + 1) + "/comments";
    }

    /** The JSON API of the post's comments. */
    public String api(String key) {
        return "/api/v1" + action(key);
    }

    public int minBody() {
        return Comment.MIN_BODY;
    }

    public int maxBody() {
        return Comment.MAX_BODY;
    }

    public boolean formOpen(String key) {
        return key.equals(formFor);
    }

    public String formValue(String key) {
        return key.equals(formFor) && formValue != null ? formValue : "";
    }

    public String formError(String key) {
        return key.equals(formFor) ? formError : null;
    }
}
