package org.broadside.log;

import java.util.Map;

/** RFC 3463 subjects and details in plain words. */
final class EnhancedSubjects {
    private EnhancedSubjects() {
    }

    private static final Map<String, String> DETAILS = Map.ofEntries(
            Map.entry("0.0", "the server gave no further detail"),
            Map.entry("1.0", "something is wrong with an address"),
            Map.entry("1.1", "the mailbox does not exist"),
            Map.entry("1.2", "the recipient's domain does not exist or accepts no mail"),
            Map.entry("1.3", "the address is not valid"),
            Map.entry("1.6", "the mailbox has moved"),
            Map.entry("1.7", "the sender's address is not valid"),
            Map.entry("1.8", "the sender's domain is not valid"),
            Map.entry("1.10", "the recipient's domain accepts no mail (null MX)"),
            Map.entry("2.0", "something is wrong with the mailbox"),
            Map.entry("2.1", "the mailbox is disabled"),
            Map.entry("2.2", "the recipient's mailbox is full"),
            Map.entry("2.3", "the message is longer than the mailbox accepts"),
            Map.entry("3.0", "the receiving system has a problem"),
            Map.entry("3.1", "the receiving system is out of storage"),
            Map.entry("3.4", "the message is bigger than the server accepts"),
            Map.entry("4.0", "a network or routing problem"),
            Map.entry("4.1", "the destination server did not answer"),
            Map.entry("4.2", "the connection was dropped"),
            Map.entry("4.4", "the destination could not be routed"),
            Map.entry("4.7", "the message waited too long and expired"),
            Map.entry("5.0", "a protocol problem"),
            Map.entry("5.1", "the server did not understand a command"),
            Map.entry("5.2", "a command had a syntax error"),
            Map.entry("5.3", "too many recipients in one message"),
            Map.entry("6.0", "a problem with the message content"),
            Map.entry("7.0", "a security or policy problem"),
            Map.entry("7.1", "the message was rejected by policy (not authorized)"),
            Map.entry("7.7", "the message failed an integrity check"),
            Map.entry("7.8", "the login was not accepted"),
            Map.entry("7.9", "the chosen login method is too weak"),
            Map.entry("7.11", "the server requires encryption (TLS)"));

    private static final Map<Character, String> SUBJECTS = Map.of(
            '0', "an unspecified problem", '1', "a problem with an address", '2', "a problem with the mailbox",
            '3', "a problem with the receiving system", '4', "a network or routing problem",
            '5', "an SMTP protocol problem", '6', "a problem with the message content",
            '7', "a security or policy problem");

    private static final Map<Character, String> ADVICE = Map.of(
            '1', "the address should be removed from the list",
            '7', "check the account settings, the sending IP's reputation and SPF/DKIM/DMARC");

    static ReplyExplainer.Entry of(String enhanced) {
        String subjectDetail = enhanced.substring(2);
        char cls = enhanced.charAt(0);
        String meaning = DETAILS.get(subjectDetail);
        if (meaning == null) {
            meaning = SUBJECTS.getOrDefault(subjectDetail.charAt(0), "an unknown problem");
        }
        if (cls == '2') {
            return new ReplyExplainer.Entry("the command succeeded", "nothing to do");
        }
        String advice = cls == '5' ? ADVICE.get(subjectDetail.charAt(0)) : null;
        if (subjectDetail.equals("2.2") && cls == '5') {
            advice = "retry later; after several failures in a row treat the address as inactive";
        }
        return new ReplyExplainer.Entry(meaning, advice);
    }
}
