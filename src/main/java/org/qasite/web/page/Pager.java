package org.qasite.web.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.qasite.refusal.QaException;
import org.qasite.text.i18n.Refusals;

import io.quarkus.panache.common.Page;

/** One page of a list: which page, how many there are, and the links between them. */
public record Pager(int page, int pages, long total, int size, String path, String query) {

    /**
     * Reads the {@code page} parameter as typed in the address bar: missing means the first page; a page that cannot
     * exist (not a whole number from 1 up, or past the last) is a 404 that says which pages there are.
     */
    public static Pager of(String rawPage, long total, int size, String path, String query) {
        int page = parse(rawPage);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        if (page > pages) {
            throw QaException.notFound(Refusals.now().no_page(page, pages));
        }
        return new Pager(page, pages, total, size, path, query == null ? "" : query);
    }

    static int parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw QaException.notFound(Refusals.now().bad_page(raw.strip()));
    }

    public Page panache() {
        return Page.of(page - 1, size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }

    public String url(int p) {
        String q = query.isEmpty() ? "" : "&" + query;
        return path + "?page=" + p + q;
    }

    /** The page numbers to show as links: the first, the last, and two on each side of the current one. */
    public List<Integer> links() {
        List<Integer> links = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            if (p == 1 || p == pages || Math.abs(p - page) <= 2) {
                links.add(p);
            } else if (!links.isEmpty() && links.get(links.size() - 1) != 0) {
                links.add(0); // a gap, shown as an ellipsis
            }
        }
        return links;
    }

    /**
     * Whether the page link is one a phone leaves out (two away from the current page, not the first or the last), so
     * that the pager keeps to one line on a narrow screen.
     */
    public boolean far(int p) {
        return p != 1 && p != pages && Math.abs(p - page) > 1;
    }

    /**
     * What a list's page links carry besides the page: the given name and value pairs, values encoded, pairs without
     * a value (null or empty: the list's default) left out.
     */
    public static String query(String... namesAndValues) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value != null && !value.isEmpty()) {
                parts.add(namesAndValues[i] + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return String.join("&", parts);
    }
}
