package org.broadside.delivery.smtp;

import java.util.List;
import java.util.Objects;

/**
 * The SMTP envelope: reverse path ("" for the null sender) and recipients. Domains must already be
 * ASCII: convert IDN domains to punycode ({@link java.net.IDN#toASCII}) before building it.
 */
public record Envelope(String mailFrom, List<String> recipients) {
    public Envelope {
        Objects.requireNonNull(mailFrom, "mailFrom");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
    }

    public static Envelope of(String mailFrom, String... recipients) {
        return new Envelope(mailFrom, List.of(recipients));
    }
}
