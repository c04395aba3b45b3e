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
}
