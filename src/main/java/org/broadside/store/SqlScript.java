package org.broadside.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQLite script into statements the way SQLite's own sqlite3_complete() decides where one ends: at a
 * semicolon outside string literals, quoted names and comments, and inside CREATE TRIGGER only at the semicolon of
 * "; END;", so the statements of a trigger body stay in their trigger.
 */
final class SqlScript {
    private final String script;
    private final List<String> statements = new ArrayList<>();
    private int start = -1;
    private final List<String> leadingWords = new ArrayList<>(3);
    private String previousToken = "";
    private String lastToken = "";

    private SqlScript(String script) {
        this.script = script;
    }

    /** The statements of a script, each with its closing semicolon; comments between statements are dropped. */
    static List<String> statements(String script) {
        SqlScript s = new SqlScript(script);
        s.split();
        return s.statements;
    }

    private void split() {
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                begin(i);
                i = endOfQuoted(i, c == '[' ? ']' : c);
                token("quoted");
            } else if (c == ';') {
                begin(i);
                if (!inTrigger() || lastToken.equals("END") && previousToken.equals(";")) {
                    statements.add(script.substring(start, i + 1).strip());
                    reset();
                } else {
                    token(";");
                }
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                begin(i);
                int end = i;
                while (end < n && (Character.isLetterOrDigit(script.charAt(end)) || script.charAt(end) == '_'
                        || script.charAt(end) == '$')) {
                    end++;
                }
                word(script.substring(i, end).toUpperCase(Locale.ROOT));
                i = end;
            } else {
                begin(i);
                token(String.valueOf(c));
                i++;
            }
        }
        if (start >= 0) {
            statements.add(script.substring(start).strip());
        }
    }

    /** Index after the closing quote; a doubled quote inside is the quote itself (SQL's only escape). */
    private int endOfQuoted(int open, char close) {
        int i = open + 1;
        while (i < script.length()) {
            if (script.charAt(i) == close) {
                if (close != ']' && i + 1 < script.length() && script.charAt(i + 1) == close) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    private void begin(int at) {
        if (start < 0) {
            start = at;
        }
    }

    private void word(String w) {
        if (leadingWords.size() < 3) {
            leadingWords.add(w);
        }
        token(w);
    }

    private void token(String t) {
        previousToken = lastToken;
        lastToken = t;
    }

    /** CREATE TRIGGER or CREATE TEMP/TEMPORARY TRIGGER. */
    private boolean inTrigger() {
        if (leadingWords.size() < 2 || !leadingWords.get(0).equals("CREATE")) {
            return false;
        }
        String second = leadingWords.get(1);
        return second.equals("TRIGGER")
                || (second.equals("TEMP") || second.equals("TEMPORARY")) && leadingWords.size() > 2
                && leadingWords.get(2).equals("TRIGGER");
    }

    private void reset() {
        start = -1;
        leadingWords.clear();
        previousToken = "";
        lastToken = "";
    }
}
