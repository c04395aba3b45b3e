package org.broadside.log;

import java.util.Map;

/** RFC 5321 basic reply codes in plain words. */
final class BasicCodes {
    private BasicCodes() {
    }

    private static final Map<Integer, ReplyExplainer.Entry> CODES = Map.ofEntries(
            e(220, "the server is ready", null),
            e(221, "the server closed the connection normally", null),
            e(235, "the login succeeded", null),
            e(250, "accepted by the server (not yet delivered to the inbox)", null),
            e(251, "accepted; the server will forward it", null),
            e(334, "the server is waiting for login data", null),
            e(354, "the server is ready for the message content", null),
            e(421, "the server is closing the connection (overloaded, or too many connections or messages)",
                    "messages on this connection will be retried later; send more slowly or with fewer connections"),
            e(450, "the mailbox is temporarily unavailable", null),
            e(451, "the server had a local error or is greylisting", "it will be retried later automatically"),
            e(452, "the server is short of storage or received too many recipients",
                    "it will be retried later, with fewer recipients per message"),
            e(454, "TLS or login is temporarily unavailable", null),
            e(455, "the server cannot accept the parameters now", null),
            e(500, "the server did not understand the command", "report this to Broadside's developers"),
            e(501, "a command had a syntax error (often an invalid address)", "check the address"),
            e(502, "the server does not implement the command", null),
            e(503, "commands came in the wrong order", null),
            e(504, "the server does not support a command parameter", null),
            e(521, "the domain does not accept mail", "the address should be removed from the list"),
            e(530, "the server requires you to log in", "set a user name and password for this account"),
            e(535, "the login was not accepted", "check the user name and password"),
            e(550, "the mailbox is unavailable or the message was refused", "do not retry; check the server's text"),
            e(551, "the user is not local to this server", "the address should be updated"),
            e(552, "the mailbox is full or the message is too big",
                    "make the message smaller; for a full mailbox retry later"),
            e(553, "the mailbox name is not allowed (invalid address)", "the address should be removed or corrected"),
            e(554, "the transaction failed (often rejected as spam or by policy)",
                    "check the sending IP's reputation, SPF/DKIM/DMARC and the content"),
            e(556, "the domain does not accept mail", "the address should be removed from the list"));

    static ReplyExplainer.Entry of(int code) {
        ReplyExplainer.Entry entry = CODES.get(code);
        if (entry != null) {
            return entry;
        }
        return switch (code / 100) {
            case 2, 3 -> new ReplyExplainer.Entry("the server accepted the command", null);
            case 4 -> new ReplyExplainer.Entry("the server refused for now", null);
            default -> new ReplyExplainer.Entry("the server refused permanently", null);
        };
    }

    private static Map.Entry<Integer, ReplyExplainer.Entry> e(int code, String meaning, String advice) {
        return Map.entry(code, new ReplyExplainer.Entry(meaning, advice));
    }
}
