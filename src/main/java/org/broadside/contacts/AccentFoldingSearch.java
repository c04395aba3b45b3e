package org.broadside.contacts;

import org.broadside.store.DataAccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Search that ignores case and accents ("zoe" finds "Zoë", "muller" finds "Müller"), run inside SQLite.
 * <p>
 * A query matches {@code LIKE} on the stored text first (native, ASCII case-insensitive), and calls the
 * {@value #FUNCTION} function, which folds a value's accents in Java, only for rows that hold a non-ASCII character
 * ({@code GLOB '*[^ -~]*'}, native too). Other ways were measured on a million contacts (bench in the list manager's
 * notes): a {@code GLOB} with a class of every accented variant per letter took 3 to 16 s, folding every row 2.2 s;
 * this takes about 0.25 s when the list is plain ASCII, and grows with the share of rows that have accents.
 * A folded column kept by every writer would be faster still, but the store has writers in SQL alone (field renames)
 * that could not keep it.
 */
@DataAccess
public final class AccentFoldingSearch {
    /** The SQL function {@link #register} adds: {@code broadside_fold(text)} is the text folded, lower case. */
    public static final String FUNCTION = "broadside_fold";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Latin letters with accents folded to their ASCII base, lower case, by code point (0 where none). */
    private static final char[] TABLE = table();

    private AccentFoldingSearch() {}

    /** "Zoë Müller" becomes "zoe muller": accents removed, lower case. */
    public static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = c < TABLE.length ? TABLE[c] : 0;
            if (f != 0) {
                sb.append(f);
            } else if (c >= 0x1E00 && c <= 0x1EFF || Character.getType(c) == Character.NON_SPACING_MARK) {
                // Vietnamese and other Latin Extended Additional letters, and combining marks of decomposed text.
                String base = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
                sb.append(base.toLowerCase(Locale.ROOT));
            } else {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The LIKE pattern that finds the typed text anywhere in a folded value (% and _ typed mean themselves). */
    public static String likeContaining(String typed) {
        return "%" + fold(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * The SQL condition "column contains the pattern, ignoring case and accents", for a pattern from
     * {@link #likeContaining} bound where {@code param} says (e.g. "?2").
     */
    public static String condition(String column, String param) {
        return "(" + column + " LIKE " + param + " ESCAPE '\\' OR (" + column + " GLOB '*[^ -~]*' AND "
                + FUNCTION + "(" + column + ") LIKE " + param + " ESCAPE '\\'))";
    }

    /** Makes {@value #FUNCTION} known to a connection (SQLite functions belong to the connection, not the file). */
    public static void register(Connection c) throws SQLException {
        org.sqlite.Function.create(c, FUNCTION, new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                String v = value_text(0);
                result(v == null ? null : fold(v));
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    private static char[] table() {
        char[] t = new char[0x250];
        for (char c = 0; c < 0x80; c++) t[c] = Character.toLowerCase(c);
        for (int cp = 0x80; cp < t.length; cp++) {
            char c = (char) cp;
            String base = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)).replaceAll("");
            char b = base.length() == 1 ? base.charAt(0) : c;
            b = switch (c) {
                case 'ø', 'Ø' -> 'o';
                case 'đ', 'Đ' -> 'd';
                case 'ł', 'Ł' -> 'l';
                case 'ħ', 'Ħ' -> 'h';
                case 'ı' -> 'i';
                default -> b;
            };
            t[cp] = Character.toLowerCase(b);
        }
        return t;
    }
}
