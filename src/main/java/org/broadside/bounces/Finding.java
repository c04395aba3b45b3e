package org.broadside.bounces;

/** What one recogniser concluded about a message, before the classifier adds the mapping evidence. */
record Finding(BounceKind kind, String address, String status, String reason) {
    static String shorten(String text) {
        if (text == null) return null;
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
    }
}
