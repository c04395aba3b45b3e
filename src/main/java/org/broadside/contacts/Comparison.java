package org.broadside.contacts;

import java.util.List;
import java.util.Locale;

/** One comparison of a filter, with the same meaning in SQL and in memory. */
record Comparison(FilterOperand left, FilterOperator operator, FilterOperand right) {

    boolean matches(Contact contact) {
        String a = left.value(contact);
        String b = right.value(contact);
        if (operator.numericCapable() && FilterNumbers.isNumber(a) && FilterNumbers.isNumber(b)) {
            double x = FilterNumbers.parse(a);
            double y = FilterNumbers.parse(b);
            return operator.holds(x < y ? -1 : x > y ? 1 : 0);
        }
        String fa = fold(a);
        String fb = fold(b);
        return switch (operator) {
            case CONTAINS -> fa.contains(fb);
            case NOT_CONTAINS -> !fa.contains(fb);
            case STARTS_WITH -> fa.startsWith(fb);
            case ENDS_WITH -> fa.endsWith(fb);
            default -> operator.holds(compareCodePoints(fa, fb));
        };
    }

    /** Folds case like the SQL does: ASCII-only lower() when both sides are ASCII, Unicode otherwise (same result). */
    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Code point order, which is the UTF-8 byte order SQLite uses for text. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    String toSql(List<Object> params) {
        String a = left.sql();
        String b = right.sql();
        String aNum = FilterNumbers.sqlIsNumber(a);
        String bNum = FilterNumbers.sqlIsNumber(b);
        boolean ascii = left.asciiOnly() || right.asciiOnly();
        String fa = ascii ? "lower(" + a + ")" : "bs_fold(" + a + ")";
        String fb = ascii ? "lower(" + b + ")" : "bs_fold(" + b + ")";
        return switch (operator) {
            case CONTAINS -> "(instr(" + fa + ", " + fb + ") > 0)";
            case NOT_CONTAINS -> "(instr(" + fa + ", " + fb + ") = 0)";
            case STARTS_WITH -> "(substr(" + fa + ", 1, length(" + fb + ")) = " + fb + ")";
            case ENDS_WITH -> "(length(" + fb + ") = 0 OR (length(" + fa + ") >= length(" + fb + ") AND substr(" + fa
                    + ", -length(" + fb + ")) = " + fb + "))";
            default -> "(CASE WHEN " + aNum + " AND " + bNum + " THEN CAST(trim(" + a + ") AS REAL) "
                    + operator.sqlComparator() + " CAST(trim(" + b + ") AS REAL) ELSE " + fa + " "
                    + operator.sqlComparator() + " " + fb + " END)";
        };
    }
}
