package org.broadside.merge;

import java.util.Locale;
import java.util.Set;

/** The one spelling of a field name that templates, lists and lookups agree on. */
public final class FieldNames {
    /** Fields every recipient has, supplied by the engine rather than by the list. */
    public static final Set<String> BUILT_IN = Set.of("email", "date", "unsubscribe", "campaign");

    private FieldNames() {}

    /** Trims, collapses inner whitespace to one space and lower-cases (Locale.ROOT, so Turkish I stays I). */
    public static String normalize(String name) {
        var out = new StringBuilder(name.length());
        boolean pendingSpace = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A usable name starts with a letter and holds only letters, digits, spaces, '_', '-' and '.'.
     * Requiring a leading letter lets footnotes like "[1]" and "[ ]" stay text.
     */
    static boolean isValid(String normalizedName) {
        if (normalizedName.isEmpty() || !Character.isLetter(normalizedName.charAt(0))) {
            return false;
        }
        for (int i = 1; i < normalizedName.length(); i++) {
            char c = normalizedName.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != ' ' && c != '_' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }
}
