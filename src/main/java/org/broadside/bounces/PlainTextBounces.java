package org.broadside.bounces;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heuristics for bounces that are not RFC 3464 reports: Exchange/Office 365, Gmail, Yahoo, Postfix, Exim, qmail
 * and Sendmail texts. A message counts only when it comes from a mail system AND its text names a failure, so a
 * person writing to postmaster, or about a parcel that was "not delivered", is never taken for a bounce.
 */
final class PlainTextBounces {
    private static final Pattern SYSTEM_SENDER = Pattern.compile(
            "(?i)^(mailer-daemon|postmaster|mail-daemon|maildelivery|mail\\.delivery|microsoftexchange[\\w.-]*|noreply-bounce)$");
    private static final Pattern SYSTEM_NAME = Pattern.compile("(?i)(mail delivery (subsystem|system)|mailer-daemon|postmaster|microsoft outlook)");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?i)(undeliver|undelivered mail|delivery status notification|delivery failure"
            + "|mail delivery failed|failure notice|returned mail|delivery has failed|message not delivered|could not send message"
            + "|delivery notification|delayed mail|warning: message .* delayed|not delivered|delivery delayed|nondeliverable)");
    private static final Pattern FAILURE_TEXT = Pattern.compile("(?i)(permanent (fatal )?error|failed permanently|fatal errors|could not be delivered"
            + "|couldn'?t be delivered|wasn'?t delivered|delivery has failed|unable to deliver|wasn'?t able to deliver|following address\\(es\\) failed"
            + "|undeliverable|delivery to the following recipient|not yet been delivered|delivery is delayed|has been delayed)");
    private static final Pattern DELAY_TEXT = Pattern.compile("(?i)(delayed|not yet been delivered|will (continue|retry|keep trying)|temporary (failure|error|problem))");
    /** Where the quoted original message begins in the texts of the common servers. */
    private static final Pattern ORIGINAL_STARTS = Pattern.compile("(?im)^(\\s*-+ ?(below this line is a copy|this is a copy of the message|original message"
            + "|the header of the original message|original message headers|undelivered message headers)|\\s*original message headers:|return-path:|received: )");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'=-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private PlainTextBounces() {}

    static Optional<Finding> read(String fromAddress, String fromName, String subject, String failedRecipientsHeader,
                                  String body, Collection<String> ownAddresses) {
        String report = reportPart(body);
        String code = StatusCodes.enhanced(report).orElse(null);
        // A bounce-like subject alone is not enough: people write "not delivered" too. It takes a mail system as
        // sender, an Exim failure header, or a subject together with an enhanced status code.
        boolean bounceSubject = subject != null && BOUNCE_SUBJECT.matcher(subject).find();
        if (!fromMailSystem(fromAddress, fromName) && failedRecipientsHeader == null && !(bounceSubject && code != null)) return Optional.empty();
        String basic = code == null ? StatusCodes.basic(report).orElse(null) : null;
        boolean failureWords = FAILURE_TEXT.matcher(report).find() || FAILURE_TEXT.matcher(nullToEmpty(subject)).find();
        boolean hardWords = StatusCodes.HARD_WORDS.matcher(report).find();
        boolean softWords = StatusCodes.SOFT_WORDS.matcher(report).find();
        if (code == null && basic == null && !failureWords && !hardWords && !softWords) return Optional.empty();
        boolean delay = DELAY_TEXT.matcher(report).find() || DELAY_TEXT.matcher(nullToEmpty(subject)).find();
        String status = code != null ? code : basic;
        BounceKind kind = StatusCodes.kindOf(status, report);
        if (delay && status == null) kind = BounceKind.SOFT_BOUNCE;
        String address = failedRecipientsHeader != null ? firstAddress(failedRecipientsHeader, Set.of()) : null;
        if (address == null) address = firstAddress(report, ownAddresses);
        return Optional.of(new Finding(kind, address, status, Finding.shorten(reasonLine(report, status))));
    }

    private static boolean fromMailSystem(String fromAddress, String fromName) {
        String local = fromAddress == null ? "" : fromAddress.substring(0, Math.max(0, fromAddress.indexOf('@')));
        return SYSTEM_SENDER.matcher(local).matches() || (fromName != null && SYSTEM_NAME.matcher(fromName).find());
    }

    /** The server's own words, without the quoted original (whose footer could contain anything). */
    static String reportPart(String body) {
        Matcher m = ORIGINAL_STARTS.matcher(body);
        return m.find() && m.start() > 0 ? body.substring(0, m.start()) : body;
    }

    private static String firstAddress(String text, Collection<String> excluded) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String a = m.group();
            String lower = a.toLowerCase(Locale.ROOT);
            if (lower.startsWith("postmaster@") || lower.startsWith("mailer-daemon@")) continue;
            if (excluded.stream().anyMatch(e -> e.equalsIgnoreCase(a))) continue;
            if (VerpAddresses.decode(a).isPresent()) continue;
            return a;
        }
        return null;
    }

    /** The line that carries the status code, else the first line naming the failure. */
    private static String reasonLine(String report, String status) {
        for (String line : report.split("\\R")) {
            if (status != null && line.contains(status)) return line.strip();
        }
        for (String line : report.split("\\R")) {
            if (StatusCodes.HARD_WORDS.matcher(line).find() || StatusCodes.SOFT_WORDS.matcher(line).find()) return line.strip();
        }
        for (String line : report.split("\\R")) {
            if (FAILURE_TEXT.matcher(line).find()) return line.strip();
        }
        return "delivery failed";
    }

    private static String nullToEmpty(String s) { return s == null ? "" : s; }
}
