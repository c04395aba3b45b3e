package org.broadside.bounces;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hard or soft, from an enhanced status code and the words around it. Hard means the address itself is bad;
 * full mailboxes, size limits, policy blocks and expired retries are soft, because the address may still be fine.
 */
final class StatusCodes {
    static final Pattern ENHANCED = Pattern.compile("(?<![\\d.])([45])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");
    static final Pattern BASIC = Pattern.compile("(?<![\\w.\\[])([45]\\d\\d)(?=[ \\-:])");
    static final Pattern HARD_WORDS = Pattern.compile("(?i)(user unknown|unknown user|no such (user|mailbox|recipient)|does not exist|doesn'?t exist"
            + "|address not found|couldn'?t be found|could not be found|recipient not found|recipient address rejected|invalid recipient"
            + "|invalid mailbox|mailbox unavailable|mailbox not found|unknown recipient|not a valid recipient|account (has been )?disabled"
            + "|doesn'?t have an? [\\w.]+ account|does not like recipient|no mailbox here|unrouteable address|undeliverable address)");
    static final Pattern SOFT_WORDS = Pattern.compile("(?i)(mailbox (is )?full|over quota|quota exceeded|exceeded (the )?(storage|quota)"
            + "|insufficient (system )?storage|try again later|temporar(y|ily)|greylist|rate limit|too many (messages|connections)"
            + "|delayed|not yet been delivered|will (continue|retry|try)|message too (big|large))");

    private StatusCodes() {}

    static Optional<String> enhanced(String text) {
        Matcher m = ENHANCED.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    static Optional<String> basic(String text) {
        Matcher m = BASIC.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The kind for a failed delivery with this code ("5.1.1", "550" or null) and diagnostic text. */
    static BounceKind kindOf(String code, String text) {
        String t = text == null ? "" : text;
        if (code != null && code.startsWith("4")) return BounceKind.SOFT_BOUNCE;
        if (HARD_WORDS.matcher(t).find()) return BounceKind.HARD_BOUNCE;
        if (SOFT_WORDS.matcher(t).find()) return BounceKind.SOFT_BOUNCE;
        if (code != null && code.indexOf('.') > 0 && softSubject(code)) return BounceKind.SOFT_BOUNCE;
        return BounceKind.HARD_BOUNCE;
    }

    /** x.2.2 mailbox full, x.3.x system/size, x.4.7 retries expired, x.7.x policy: not the address's fault. */
    private static boolean softSubject(String code) {
        String[] p = code.split("\\.");
        String subject = p[1];
        String detail = p[2];
        return (subject.equals("2") && detail.equals("2")) || subject.equals("3")
                || (subject.equals("4") && detail.equals("7")) || subject.equals("7");
    }
}
