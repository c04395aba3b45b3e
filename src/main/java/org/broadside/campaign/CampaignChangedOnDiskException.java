package org.broadside.campaign;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A save refused because somebody else saved the same campaign file after this window read it: two people editing one
 * campaign in a shared folder must not silently overwrite each other (issue 15, item 3). The message says whose
 * change won and what to do, in a marketer's words.
 */
public final class CampaignChangedOnDiskException extends IOException {
    private final Path file;

    public CampaignChangedOnDiskException(Path file, String when) {
        super("Someone else saved " + file.getFileName() + " (" + when + ") after you opened it, so your changes were"
                + " not written over theirs. Use Save As… to keep your version under another name, then open "
                + file.getFileName() + " again to see theirs.");
        this.file = file;
    }

    public Path file() { return file; }
}
