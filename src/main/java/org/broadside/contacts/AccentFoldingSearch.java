package org.broadside.contacts;

import org.broadside.store.DataAccess;
import org.broadside.store.Dialect;

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
     * The SQL condition "column contains the pattern, ignoring case and accents", with two {@code ?} parameters, both
     * bound to a pattern from {@link #likeContaining}. On SQLite the Java fold runs for the rows with non-ASCII text;
     * a team store folds in SQL (see {@link #POSTGRES_FOLD}).
     */
    public static String condition(Dialect dialect, String column) {
        if (dialect == Dialect.POSTGRES) {
            return "(" + column + " ILIKE ? ESCAPE '\\' OR (" + column + " ~ '[^ -~]' AND "
                    + String.format(POSTGRES_FOLD, column) + " LIKE ? ESCAPE '\\'))";
        }
        return "(" + column + " LIKE ? ESCAPE '\\' OR (" + column + " GLOB '*[^ -~]*' AND "
                + FUNCTION + "(" + column + ") LIKE ? ESCAPE '\\'))";
    }

    /** How many parameters {@link #condition} has, each bound to the same pattern. */
    public static final int CONDITION_PARAMETERS = 2;

    /**
     * {@link #fold} in PostgreSQL's SQL: accents split off (NFD) and removed, the Latin letters that carry no separable
     * accent mapped as {@link #table} maps them, then lower case. Differs from the Java fold only outside Latin script
     * (e.g. Cyrillic "й" also loses its breve here) and, on a server whose locale is C, in the case of letters beyond
     * Latin and Greek/Cyrillic that lower() leaves alone.
     */
    static final String POSTGRES_FOLD = "lower(translate(regexp_replace(normalize(%s, NFD), "
            + "'[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]', '', 'g'), "
            + "'\u00d8\u00f8\u0110\u0111\u0141\u0142\u0126\u0127\u0131\u00c6\u0152\u00de', 'ooddllhhi\u00e6\u0153\u00fe'))";

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
