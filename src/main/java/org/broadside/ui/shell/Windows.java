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

    /** The connection log of a campaign, at a recipient's transaction when recipientId > 0. */
    void connectionLog(String campaignUid, long recipientId);

    /** Closes every window (each asks about unsaved changes; a No keeps the app open) and ends the app. */
    void quit();

    /** Opens the data directory in the system's file manager. */
    void openDataFolder();

    /** Copies version, system, data directory and recent errors (never secrets) to the clipboard. */
    void copyDiagnostics();

    /** Version, Java, and the licences of the bundled libraries. */
    void about();
}
