package org.broadside.ui.bounces;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.broadside.ui.common.Lifecycle;

/** The Bounces and unsubscribes window: the events (with Scan now), the mailboxes, and the rules, one tab each. */
public final class BouncesView extends BorderPane {
    private final TabPane tabs;
    private final Tab events;

    public BouncesView(BouncesViewModel events, MailboxesViewModel mailboxes, BounceRulesViewModel rules) {
        this.events = new Tab("Events", new EventsPane(events));
        this.events.setId("bouncesEventsTab");
        Tab mailboxTab = new Tab("Mailboxes", new MailboxesPane(mailboxes));
        mailboxTab.setId("bouncesMailboxesTab");
        Tab rulesTab = new Tab("Rules", new RulesPane(rules));
        rulesTab.setId("bouncesRulesTab");
        tabs = new TabPane(this.events, mailboxTab, rulesTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        Lifecycle.whileShowing(this, () -> {
            events.activate();
            mailboxes.refresh();
            rules.load();
        }, events::deactivate);
    }

    /** Brings the Events tab to the front (the Delivery panel's counts and Scan now lead there). */
    public void showEvents() { tabs.getSelectionModel().select(events); }

    /** Brings the Mailboxes tab to the front. */
    public void showMailboxes() { tabs.getSelectionModel().select(1); }
}
