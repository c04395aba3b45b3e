package org.broadside.ui.bounces;

import javafx.scene.Parent;
import javafx.stage.Stage;
import org.broadside.accounts.CredentialStore;
import org.broadside.bounces.BounceKind;
import org.broadside.bounces.BounceRulesRepository;
import org.broadside.bounces.MailboxConnector;
import org.broadside.bounces.MailboxRepository;
import org.broadside.events.EventSource;
import org.broadside.store.Database;
import org.broadside.ui.common.BackgroundRunner;

import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one Bounces and unsubscribes window of the app, built at first use: opened from the Tools menu, by
 * "Scan bounce mailboxes now" (which starts the scan there), and by the Delivery panel's counts (filtered to the
 * campaign and kind).
 */
public final class BouncesWindow {
    private final Stage stage;
    private final BouncesView view;
    private final BouncesViewModel events;
    private final MailboxesViewModel mailboxes;

    /**
     * @param stageFor  makes the tool window around the view (its title, size and remembered place are the shell's)
     * @param logOpener opens a campaign's connection log at a recipient
     */
    public BouncesWindow(Database db, Supplier<CredentialStore> credentials, BackgroundRunner runner, EventSource uiEvents,
                         Function<Parent, Stage> stageFor, BiConsumer<String, Long> logOpener) {
        MailboxConnector connector = MailboxConnector.systemTrust();
        this.events = new BouncesViewModel(db, credentials, connector, runner);
        events.listenTo(uiEvents);
        events.setLogOpener(logOpener);
        this.mailboxes = new MailboxesViewModel(new MailboxRepository(db), credentials, connector, runner);
        BounceRulesViewModel rules = new BounceRulesViewModel(new BounceRulesRepository(db), runner);
        this.view = new BouncesView(events, mailboxes, rules);
        this.stage = stageFor.apply(view);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** Opens at the events of one campaign (null: all) and one kind (null: all). */
    public void show(String campaignUid, BounceKind kind) {
        events.showCampaign(campaignUid, kind);
        view.showEvents();
        show();
    }

    /** Opens at the events and scans every mailbox; with none set up yet, opens the Mailboxes tab instead. */
    public void scanNow() {
        view.showEvents();
        show();
        events.scanNow();
    }
}
