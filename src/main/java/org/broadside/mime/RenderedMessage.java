package org.broadside.mime;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything that differs per recipient, already merged. text null -> generated from html when layout.generateTextFromHtml.
 * Non-ASCII local parts are refused unless {@code allowSmtpUtf8} is set (see {@link #withSmtpUtf8()}).
 */
public record RenderedMessage(MailAddress from, MailAddress replyTo, MailAddress to, String subject, String text, String html,
                              List<Header> extraHeaders, String messageId, Instant date, boolean allowSmtpUtf8) {

    /** Headers the message writes itself; an extra header with one of these names would duplicate it. */
    private static final Set<String> RESERVED = Set.of("date", "from", "reply-to", "to", "subject", "message-id",
            "mime-version", "content-type", "content-transfer-encoding", "sender", "cc", "bcc");

    public RenderedMessage {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a message needs From and To");
        }
        if (date == null) {
            throw new IllegalArgumentException("a message needs a Date");
        }
        subject = subject == null ? "" : subject;
        Header.checkValue("Subject", subject);
        checkMessageId(messageId);
        extraHeaders = extraHeaders == null ? List.of() : List.copyOf(extraHeaders);
        for (Header h : extraHeaders) {
            if (RESERVED.contains(h.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("extra header " + h.name() + " would duplicate a header the message writes itself");
            }
        }
        if (!allowSmtpUtf8 && (from.hasNonAsciiLocalPart() || to.hasNonAsciiLocalPart()
                || (replyTo != null && replyTo.hasNonAsciiLocalPart()))) {
            throw new SmtpUtf8RequiredException();
        }
    }

    public RenderedMessage(MailAddress from, MailAddress replyTo, MailAddress to, String subject, String text, String html,
                           List<Header> extraHeaders, String messageId, Instant date) {
        this(from, replyTo, to, subject, text, html, extraHeaders, messageId, date, false);
    }

    /** The same message, allowed to carry raw UTF-8 addresses (RFC 6532); only for servers that offer SMTPUTF8. */
    public RenderedMessage withSmtpUtf8() {
        return new RenderedMessage(from, replyTo, to, subject, text, html, extraHeaders, messageId, date, true);
    }

    /** True when the written message contains raw UTF-8 in headers and may only be sent with SMTPUTF8. */
    public boolean requiresSmtpUtf8() {
        return from.hasNonAsciiLocalPart() || to.hasNonAsciiLocalPart() || (replyTo != null && replyTo.hasNonAsciiLocalPart());
    }

    private static void checkMessageId(String id) {
        if (id == null || id.length() < 5 || id.charAt(0) != '<' || id.charAt(id.length() - 1) != '>' || id.indexOf('@') < 0) {
            throw new IllegalArgumentException("Message-ID must look like <id@domain>: " + id);
        }
        for (int i = 1; i < id.length() - 1; i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '<' || c == '>') {
                throw new IllegalArgumentException("Message-ID contains a forbidden character (CR, LF, NUL, space or non-ASCII): refused");
            }
        }
    }
}
