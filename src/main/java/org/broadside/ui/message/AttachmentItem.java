package org.broadside.ui.message;

import java.util.Locale;

/** An attached file as the list shows it: its path as stored, its size, and whether it is too big to send well. */
public record AttachmentItem(String path, long bytes, boolean missing) {
    /** Many servers refuse messages over 10 MB once encoded; warn before that. */
    public static final long WARN_BYTES = 10L * 1024 * 1024;

    public boolean tooBig() { return bytes > WARN_BYTES; }

    public String sizeText() {
        if (missing) return "missing";
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
