package org.broadside.ui.log;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a server line into code, enhanced code and text so an explainer can put it in plain words. */
public final class ReplyWords {
    private static final Pattern REPLY = Pattern.compile("^(\\d{3}) (?:(\\d\\.\\d{1,3}\\.\\d{1,3})\\s+)?(.*)$");

    private ReplyWords() {}

    /** Explains with the given function of (code, enhanced code, text); null for lines that are not replies. */
    public static String explain(String serverLine, Explainer explainer) {
        Matcher m = REPLY.matcher(serverLine);
        if (!m.matches()) return null;
        return explainer.explain(Integer.parseInt(m.group(1)), m.group(2), m.group(3));
    }

    /** Turns a reply into a sentence. */
    @FunctionalInterface
    public interface Explainer {
        String explain(int code, String enhancedCode, String text);

        static Explainer of(Function<Integer, String> byCode) {
            return (code, enhanced, text) -> byCode.apply(code);
        }
    }
}
