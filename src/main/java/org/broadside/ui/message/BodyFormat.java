package org.broadside.ui.message;

/** Which bodies a campaign sends. */
public enum BodyFormat {
    PLAIN("Plain text"), HTML("HTML"), BOTH("HTML and plain text");

    private final String label;

    BodyFormat(String label) { this.label = label; }

    @Override
    public String toString() { return label; }

    static BodyFormat of(String text, String html) {
        boolean t = text != null && !text.isBlank();
        boolean h = html != null && !html.isBlank();
        return h && t ? BOTH : h ? HTML : PLAIN;
    }
}
