package org.broadside.log;

/**
 * Explains a stored server line of the connection log. Only the last line of a reply ("250 ...", not
 * "250-...") gets an explanation, so a multi-line EHLO reply is explained once.
 */
public final class LogAnnotations {
    private LogAnnotations() {}

    /** The explanation of a final reply line, or null for continuation lines and anything that is not a reply. */
    public static Explanation explainServerLine(String line) {
        if (line == null || line.length() < 3) return null;
        for (int i = 0; i < 3; i++) if (!Character.isDigit(line.charAt(i))) return null;
        if (line.length() > 3 && line.charAt(3) != ' ') return null;
        int code = Integer.parseInt(line.substring(0, 3));
        String rest = line.length() > 4 ? line.substring(4) : "";
        String enhanced = enhancedCode(rest, code);
        return ReplyExplainer.explain(code, enhanced, rest);
    }

    /** "5.1.1" at the start of the text when its class matches the basic code's, else null. */
    static String enhancedCode(String text, int code) {
        int end = 0;
        int dots = 0;
        while (end < text.length() && end < 11) {
            char c = text.charAt(end);
            if (c == '.') dots++;
            else if (!Character.isDigit(c)) break;
            end++;
        }
        if (dots != 2 || end < 5) return null;
        String candidate = text.substring(0, end);
        if (candidate.endsWith(".") || candidate.charAt(0) - '0' != code / 100) return null;
        return candidate;
    }
}
