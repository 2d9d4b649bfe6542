package org.qasite.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.owasp.html.HtmlStreamEventProcessor;
import org.owasp.html.HtmlStreamEventReceiver;

/**
 * The sanitizer's last step: a span survives only as a direct child of a code element inside a pre element, where the
 * highlighter puts its tokens; anywhere else it goes and its text stays. The policy already allows nothing on a span
 * but a token class, so this only keeps posts from borrowing the code's colours for their prose.
 */
final class CodeSpansOnly implements HtmlStreamEventProcessor {

    /** Elements that have no end tag, so they never stay open. */
    private static final Set<String> VOID = Set.of("br", "hr", "img", "wbr");

    @Override
    public HtmlStreamEventReceiver wrap(HtmlStreamEventReceiver sink) {
        return new HtmlStreamEventReceiver() {
            private final Deque<String> open = new ArrayDeque<>();
            /** For each span open now, whether it was passed on. */
            private final Deque<Boolean> spans = new ArrayDeque<>();

            @Override
            public void openDocument() {
                sink.openDocument();
            }

            @Override
            public void closeDocument() {
                sink.closeDocument();
            }

            @Override
            public void openTag(String name, List<String> attributes) {
                if (name.equals("span")) {
                    boolean kept = inCode();
                    spans.push(kept);
                    open.push(name);
                    if (kept) {
                        sink.openTag(name, attributes);
                    }
                    return;
                }
                if (!VOID.contains(name)) {
                    open.push(name);
                }
                sink.openTag(name, attributes);
            }

            @Override
            public void closeTag(String name) {
                if (VOID.contains(name) || !open.contains(name)) {
                    sink.closeTag(name);
                    return;
                }
                // Close what is open down to this element, so that a kept span never stays open.
                while (!open.isEmpty()) {
                    String top = open.pop();
                    boolean passedOn = !top.equals("span") || spans.pop();
                    if (passedOn) {
                        sink.closeTag(top);
                    }
                    if (top.equals(name)) {
                        return;
                    }
                }
            }

            @Override
            public void text(String text) {
                sink.text(text);
            }

            private boolean inCode() {
                var names = open.iterator();
                return names.hasNext() && names.next().equals("code") && names.hasNext()
                        && names.next().equals("pre");
            }
        };
    }
}
