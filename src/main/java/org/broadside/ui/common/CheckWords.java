package org.broadside.ui.common;

import org.broadside.compose.CheckCode;
import org.broadside.compose.CheckLine;

/**
 * A pre-send finding in the window's words. The check's own text names the campaign file's keys, which is right on
 * the command line; in the window the user needs the control to use. Chosen by the finding's code (a stable
 * identifier), never by its wording. Codes whose check text already speaks of the message itself (the merge
 * preflight, the message and DNS checks) keep it, with the window's way to act added where there is one.
 */
public final class CheckWords {
    private CheckWords() {}

    public static String of(CheckLine line) {
        String about = line.about() == null ? "" : line.about();
        return switch (line.code()) {
            case FROM_MISSING -> "the From address is missing: fill in \"From\" on the Message tab";
            case FROM_INVALID -> "the From address \"" + about + "\" is not valid: correct \"From\" on the Message tab";
            case REPLY_TO_INVALID -> "the Reply-To address \"" + about + "\" is not valid: correct \"Reply-To\" on the Message tab or empty it";
            case BODY_UNREADABLE -> line.message() + ": write the message on the Message tab";
            case NO_BODY -> "the message is empty: write it on the Message tab";
            case SUBJECT_EMPTY -> "the subject is empty: fill in \"Subject\" on the Message tab";
            case UNSUBSCRIBE_NONE_CHOSEN -> "sending without an unsubscribe method, as chosen on the Settings tab (\"Send without an "
                    + "unsubscribe method\"): Gmail and Yahoo refuse bulk mail without one";
            case UNSUBSCRIBE_MISSING -> "no unsubscribe method: on the Settings tab, fill in \"Unsubscribe server\" (your Broadside "
                    + "server), \"Unsubscribe mailto\" or \"Unsubscribe URL\" (https, with [Token]), or tick \"Send without an "
                    + "unsubscribe method\"";
            case UNSUBSCRIBE_SERVER_INVALID -> "the \"Unsubscribe server\" on the Settings tab is not a server address: give its public "
                    + "address, like https://news.example.com";
            case UNSUBSCRIBE_SERVER_NOT_HTTPS -> "the \"Unsubscribe server\" on the Settings tab is not https: one-click unsubscribe "
                    + "needs an https address";
            case TRACKING_WITHOUT_SERVER -> "opens and clicks are counted by your Broadside server: fill in \"Unsubscribe server\" on "
                    + "the Settings tab, or untick \"Count opens\" and \"Count clicks\"";
            case UNSUBSCRIBE_LINK_MISSING -> "the message has no unsubscribe link (only the List-Unsubscribe header offers it): on the "
                    + "Message tab, use Insert field > \"Unsubscribe link (HTML)\", or type [Unsubscribe] in the text";
            case UNSUBSCRIBE_NOT_HTTPS -> "the \"Unsubscribe URL\" on the Settings tab is not https: one-click unsubscribe needs an "
                    + "https address";
            case ATTACHMENT_TOO_BIG -> "the attachment " + about + " is over 10 MB and many servers refuse such messages: remove it "
                    + "under \"Attachments and images\" on the Message tab and link to it instead";
            case ATTACHMENT_UNREADABLE -> "the attachment " + about + " does not exist or cannot be read: remove it under "
                    + "\"Attachments and images\" on the Message tab, or attach it again with Attach…";
            case ACCOUNT_MISSING -> "no account is chosen: on the Settings tab, choose one with \"Add account\"";
            case ACCOUNT_UNKNOWN -> "there is no account named \"" + about + "\": add it in Tools > Accounts…, or change \"Accounts\" "
                    + "on the Settings tab";
            case LIST_MISSING -> "no list is chosen: choose one under \"List\" on the Recipients tab";
            case LIST_UNKNOWN -> "there is no list named \"" + about + "\": choose another under \"List\" on the Recipients tab, or "
                    + "import it with Tools > Lists and contacts…";
            case FILTER_INVALID -> line.message() + ": correct \"Filter\" on the Recipients tab";
            case FILTER_UNKNOWN_FIELD -> line.message() + ": check its spelling in \"Filter\" on the Recipients tab";
            case DOMAIN_DKIM -> withFullStop(line.message()) + " Use Tools > DKIM keys… to generate a key and check its DNS record.";
            case MERGE, MESSAGE_CONTENT, DOMAIN_SPF, DOMAIN_DMARC, DOMAIN_MX, DOMAIN_REVERSE_DNS, DOMAIN_SETUP, OTHER -> line.message();
        };
    }

    /** The sentence ended, so that another can follow it ("...signs with it Use Tools..." read as one). */
    public static String withFullStop(String sentence) {
        String s = sentence.stripTrailing();
        return s.isEmpty() || ".!?…".indexOf(s.charAt(s.length() - 1)) >= 0 ? s : s + ".";
    }

    /** Whether the window has a control that fixes this finding beyond the text (the Settings tab's DKIM link). */
    public static boolean isDkim(CheckLine line) {
        return line.code() == CheckCode.DOMAIN_DKIM;
    }
}
