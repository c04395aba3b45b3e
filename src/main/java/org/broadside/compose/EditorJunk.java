package org.broadside.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What editors leave in HTML that a recipient must not get: the visual editor's own state, and what Word and Google
 * Docs put around pasted text. Each rule names the program it is for, so it can go when that program changes.
 */
final class EditorJunk {
    /** Outlook's conditional comments are how e-mail templates talk to it; every other comment is noise. */
    private static final Pattern OUTLOOK_COMMENT = Pattern.compile("(?is)^\\s*(\\[if[^\\]]*\\b(mso|ie)\\b.*|<!\\[endif\\]\\s*)$");
    /** Word's style sheet for its own paragraph classes ("MsoNormal", "WordSection1"). */
    private static final Pattern WORD_STYLE_SHEET = Pattern.compile("(?i)\\bMso[A-Z]\\w*|WordSection\\d|/\\* (Font|Style) Definitions \\*/");

    private EditorJunk() {}

    /** Google Docs wraps a paste in {@code <b id="docs-internal-guid-...">}, which is not bold (its style says so). */
    static boolean isGoogleWrapper(String id) {
        return id != null && id.startsWith("docs-internal-guid");
    }

    /** Word's own conditional comments carry its document properties ({@code <o:DocumentProperties>, <w:WordDocument>}). */
    static boolean keepComment(String data) {
        return OUTLOOK_COMMENT.matcher(data).matches() && !data.contains("o:DocumentProperties") && !data.contains("<w:");
    }

    static boolean isWordStyleSheet(String css) {
        return WORD_STYLE_SHEET.matcher(css).find();
    }

    /** The class attribute without Word's "Mso..." classes; "" when none is left. */
    static String cleanClass(String classes) {
        List<String> kept = new ArrayList<>();
        for (String c : classes.trim().split("\\s+")) {
            if (!c.isEmpty() && !c.startsWith("Mso") && !c.startsWith("Apple-")) kept.add(c);
        }
        return String.join(" ", kept);
    }

    /**
     * The style attribute without Word's {@code mso-} properties, the empty {@code font-family: ""} the visual editor
     * writes, and the defaults WebKit spells out on paste ({@code initial}, orphans, widows); "" when none is left.
     */
    static String cleanStyle(String style) {
        List<String> kept = new ArrayList<>();
        for (String declaration : declarations(style)) {
            int colon = declaration.indexOf(':');
            if (colon <= 0) continue;
            String property = declaration.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).trim();
            if (isJunk(property, value)) continue;
            kept.add(property + ": " + value);
        }
        return String.join("; ", kept);
    }

    private static boolean isJunk(String property, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return property.startsWith("mso-")
                || property.equals("font-family") && (v.isEmpty() || v.equals("\"\"") || v.equals("''"))
                || v.equals("initial")
                || property.equals("orphans") || property.equals("widows") || property.equals("caret-color")
                || property.equals("-webkit-text-stroke-width") || property.equals("tab-interval")
                || value.isEmpty();
    }

    /** Splits at ';' outside quotes and parentheses: a data: URL or a quoted font name may hold one. */
    private static List<String> declarations(String style) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < style.length(); i++) {
            char c = style.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ';' && depth == 0) {
                out.add(style.substring(from, i));
                from = i + 1;
            }
        }
        out.add(style.substring(from));
        return out;
    }
}
