package org.broadside.delivery.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits for each wait; {@code transactionDeadline} bounds one whole message so a server trickling
 * a byte at a time cannot hold the connection forever.
 */
public record SmtpTimeouts(Duration connect, Duration greeting, Duration mail, Duration rcpt, Duration data,
                           Duration dataBlock, Duration dataEnd, Duration transactionDeadline) {
    public SmtpTimeouts {
        Objects.requireNonNull(connect);
        Objects.requireNonNull(greeting);
        Objects.requireNonNull(mail);
        Objects.requireNonNull(rcpt);
        Objects.requireNonNull(data);
        Objects.requireNonNull(dataBlock);
        Objects.requireNonNull(dataEnd);
        Objects.requireNonNull(transactionDeadline);
    }

    /** RFC 5321 4.5.3.2 recommendations; the deadline covers the sum of the worst single waits. */
    public static SmtpTimeouts rfc5321() {
        return new SmtpTimeouts(Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(10),
                Duration.ofMinutes(30));
    }

    /** The same limits, all shortened to at most {@code max} (tests and "test connection" buttons). */
    public SmtpTimeouts cappedAt(Duration max) {
        return new SmtpTimeouts(min(connect, max), min(greeting, max), min(mail, max), min(rcpt, max),
                min(data, max), min(dataBlock, max), min(dataEnd, max), min(transactionDeadline, max));
    }

    public SmtpTimeouts withTransactionDeadline(Duration deadline) {
        return new SmtpTimeouts(connect, greeting, mail, rcpt, data, dataBlock, dataEnd, deadline);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
