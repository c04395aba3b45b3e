package org.broadside.log;

import java.util.Locale;
import java.util.Map;
import org.broadside.delivery.smtp.Reply;

/**
 * Turns SMTP replies into plain words from the basic code, the RFC 3463 enhanced code and well-known
 * provider texts (Gmail, Microsoft, Yahoo), so the connection log says what to fix instead of "550".
 */
public final class ReplyExplainer {
    private ReplyExplainer() {
    }

    public static Explanation explain(Reply reply) {
        return explain(reply.code(), reply.enhancedCode(), reply.text());
    }

    public static Explanation explain(int code, String enhanced, String text) {
        String t = text == null ? "" : text;
        String upper = t.toUpperCase(Locale.ROOT);
        Persistence p = persistence(code);
        Entry e = ProviderRules.match(code, enhanced, upper);
        if (e == null && enhanced != null) {
            e = exact(code, enhanced);
            // "x.y.0" says little; 421 always means "closing": then the basic code explains better.
            if (e == null && !enhanced.endsWith(".0") && code != 421) {
                e = EnhancedSubjects.of(enhanced);
            }
        }
        if (e == null) {
            e = BasicCodes.of(code);
        }
        return new Explanation(e.meaning(), p, p == Persistence.SUCCESS && e.advice() == null ? "nothing to do" : advice(e, p));
    }

    private static String advice(Entry e, Persistence p) {
        if (e.advice() != null) {
            return e.advice();
        }
        return p == Persistence.TEMPORARY ? "it will be retried later automatically"
                : "do not retry this message unchanged; check the server's text";
    }

    private static Persistence persistence(int code) {
        return switch (code / 100) {
            case 4 -> Persistence.TEMPORARY;
            case 5 -> Persistence.PERMANENT;
            default -> Persistence.SUCCESS;
        };
    }

    /** Combinations of basic and enhanced code whose meaning is sharper than either alone. */
    private static Entry exact(int code, String enhanced) {
        return EXACT.get(code + " " + enhanced);
    }

    private static final Map<String, Entry> EXACT = Map.of(
            "554 5.7.1", new Entry("the message was rejected by the receiving server's policy (spam filter or block list)",
                    "check the sending IP and domain against block lists, SPF/DKIM/DMARC, and the content"),
            "530 5.7.0", new Entry("the server requires you to log in (authentication required)",
                    "set a user name and password for this account, and use STARTTLS or SSL"),
            "535 5.7.8", new Entry("the user name or password was not accepted (bad credentials)",
                    "check the credentials; providers with two-factor login need an app password or OAuth"),
            "550 5.1.1", new Entry("the mailbox does not exist",
                    "the address should be removed from the list"),
            "552 5.2.2", new Entry("the recipient's mailbox is full",
                    "it will be retried later; after several failures in a row treat the address as inactive"),
            "552 5.3.4", new Entry("the message is bigger than the server accepts",
                    "make the message smaller (link large attachments instead)"));

    /** A meaning with optional specific advice (null means: derive from the persistence). */
    record Entry(String meaning, String advice) {
    }
}
