package org.broadside.mime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** RFC 5322 dates, always in UTC so that a re-built message is byte-identical on any machine. */
final class MailDates {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.US).withZone(ZoneOffset.UTC);

    /** The last second formatted: every message of that second shares it (a Date header has no finer precision). */
    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private record Formatted(long epochSecond, String text) {}

    private MailDates() {}

    static String format(Instant instant) {
        Formatted f = last;
        if (f.epochSecond() == instant.getEpochSecond()) return f.text();
        String text = FORMAT.format(instant);
        last = new Formatted(instant.getEpochSecond(), text);
        return text;
    }
}
