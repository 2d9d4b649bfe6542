package org.qasite.notification;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

/** The inbox's line of a notification, for the pages that receive new ones live. */
@ApplicationScoped
public class InboxMarkup {

    /**
     * The item as the inbox's first page shows it; its "Mark read" form gets the page's token in the browser. In the page's
     * language: it is rendered outside any request.
     */
    public String item(Inbox.Item item, Locale locale) {
        return InboxResource.itemHtml(item, locale);
    }
}
