package org.broadside.contacts;

/**
 * What counts as a number in a filter: optional spaces, an optional sign, digits with at most one decimal point.
 * Defined once so the SQL test and the Java test accept exactly the same texts.
 */
final class FilterNumbers {
    private FilterNumbers() {}

    static boolean isNumber(String s) {
        String t = trimSpaces(s);
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
        boolean digit = false;
        boolean dot = false;
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c == '.' && !dot) dot = true;
            else return false;
        }
        return digit;
    }

    static double parse(String s) {
        String t = trimSpaces(s);
        if (t.endsWith(".")) t = t + "0";
        return Double.parseDouble(t);
    }

    /** SQLite's trim() removes spaces only, so this does too. */
    static String trimSpaces(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && s.charAt(b) == ' ') b++;
        while (e > b && s.charAt(e - 1) == ' ') e--;
        return s.substring(b, e);
    }

    /** The same test in SQL over a text expression. */
    static String sqlIsNumber(String x) {
        String t = "trim(" + x + ")";
        String unsigned = "(CASE WHEN substr(" + t + ", 1, 1) IN ('+', '-') THEN substr(" + t + ", 2) ELSE " + t + " END)";
        return "(" + unsigned + " GLOB '*[0-9]*' AND " + unsigned + " NOT GLOB '*[^0-9.]*' AND " + unsigned
                + " NOT GLOB '*.*.*')";
    }
}
