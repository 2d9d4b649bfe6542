package org.qasite.notification;

import jakarta.enterprise.context.ApplicationScoped;

/** The inbox's line of a notification, for the pages that receive new ones live. */
@ApplicationScoped
public class InboxMarkup {

    /** The item as the inbox's first page shows it; its "Mark read" form gets the page's token in the browser. */
    public String item(Inbox.Item item) {
        return InboxResource.itemHtml(item);
    }
}
