package org.broadside.ui.shell;

import java.nio.file.Path;

/** Opens the app's windows; the shell's menus call it, so panels never create stages themselves. */
public interface Windows {
    void newDocument();

    void open(Path file);

    void listManager();

    void accounts();

    void blacklist();

    void sandboxInbox();

    /** Scans the bounce mailboxes now and shows what was found. */
    void scanBounceMailboxes();

    /** Pulls unsubscribes from the Broadside servers now and shows what was applied. */
    default void pullUnsubscribes() {}

    /** The Broadside servers this desktop pulls unsubscribes from: add one with its key, remove, pull now. */
    default void unsubscribeServers() {}

    /** The connection log of a campaign, at a recipient's transaction when recipientId > 0. */
    void connectionLog(String campaignUid, long recipientId);

    /** File &gt; Open team store: a PostgreSQL store shared with other desktops; the windows move onto it. */
    default void openTeamStore() {}

    /** File &gt; Use this computer's store: back from a team store to the data directory's own. */
    default void useThisComputersStore() {}

    /** Whether the app is on a team store (the menu offers the way back). */
    default boolean onTeamStore() { return false; }

    /** Closes every window (each asks about unsaved changes; a No keeps the app open) and ends the app. */
    void quit();

    /** Opens the data directory in the system's file manager. */
    void openDataFolder();

    /** Copies version, system, data directory and recent errors (never secrets) to the clipboard. */
    void copyDiagnostics();

    /** Version, Java, and the licences of the bundled libraries. */
    void about();

    /** Sends the campaign, merged for chosen recipients, to test addresses; never changes a recipient's state. */
    void sendTest(CampaignDraft draft);

    /** Sets when the campaign starts and in which daily window it sends. */
    void schedule(CampaignDraft draft);

    /** Every scheduled campaign with its next start. */
    void scheduledCampaigns();

    /** The bounce mailboxes, their scans and the bounce and unsubscribe events, with Undo. */
    void bounces();

    /** The delivery report of a campaign: totals, rates, domains, reply codes and charts. */
    void report(CampaignDraft draft);

    /** DKIM keys per sending domain: generate, publish (the TXT record), check what DNS has. */
    void dkim(String domain);

    /** The user guide. */
    void userGuide();

    /** A new campaign from a built-in or saved template. */
    void newFromTemplate();

    /** Saves the campaign as a template of one's own. */
    void saveAsTemplate(CampaignDraft draft);
}
