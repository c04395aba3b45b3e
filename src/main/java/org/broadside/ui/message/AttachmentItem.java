package org.broadside.ui.message;

import java.util.Locale;

/**
 * A file the message carries, as the attachments list shows it: its path as stored, whether it is an attachment or an
 * image inside the HTML, its size and type, and why it cannot be sent when it cannot (null when it can).
 */
public record AttachmentItem(String path, Kind kind, long bytes, String contentType, String problem) {
    /** Many servers refuse messages over 10 MB once encoded; warn before that. */
    public static final long WARN_BYTES = 10L * 1024 * 1024;

    /** How the file travels. */
    public enum Kind {
        ATTACHMENT("Attachment"), INLINE_IMAGE("Image in the HTML");

        private final String label;

        Kind(String label) { this.label = label; }

        @Override
        public String toString() { return label; }
    }

    public boolean missing() { return problem != null; }

    public boolean tooBig() { return bytes > WARN_BYTES; }

    /** The file name without its folder. */
    public String name() {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public String sizeText() {
        if (missing()) return "missing";
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
