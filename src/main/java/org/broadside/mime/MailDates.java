package org.broadside.mime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** RFC 5322 dates, always in UTC so that a re-built message is byte-identical on any machine. */
final class MailDates {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.US).withZone(ZoneOffset.UTC);

    private MailDates() {}

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
