package org.broadside.contacts.imports;

/**
 * Text from a file made fit for a message: control, format (bidi overrides), private-use, unassigned and replacement
 * characters become '?', and long text is cut, so an error never echoes a file's raw bytes to a terminal or dialog.
 */
public final class SafeText {
    private SafeText() {}

    public static String of(String text, int maxChars) {
        if (text == null) return "";
        StringBuilder sb = new StringBuilder(Math.min(text.length(), maxChars + 1));
        int i = 0;
        while (i < text.length() && sb.length() < maxChars) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            sb.appendCodePoint(printable(cp) ? cp : '?');
        }
        if (i < text.length()) sb.append('…');
        return sb.toString();
    }

    static boolean printable(int cp) {
        if (cp == '\uFFFD') return false;
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
