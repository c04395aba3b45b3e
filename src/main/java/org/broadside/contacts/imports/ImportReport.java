package org.broadside.contacts.imports;

import java.time.Duration;
import java.util.List;

/**
 * What an import did. read = rows read from the source (broken ones included); every row read is exactly one of
 * added, updated, unchanged, duplicates (the address appeared earlier in the same source), invalid or blacklisted.
 *
 * @param problems the first {@link ContactImporter#MAX_LISTED_PROBLEMS} invalid rows, with their line and reason
 */
public record ImportReport(String list, long read, long added, long updated, long unchanged, long duplicates,
                           long invalid, long blacklisted, long removed, List<Problem> problems, String unit,
                           Duration elapsed) {
    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** One row that was not imported; value is the offending text when short enough to show, else null. */
    public record Problem(long line, String reason, String value, Kind kind) {
        /** Why, as a type: the command line adds advice for some kinds. */
        public enum Kind { OTHER, FIELD_TOO_LARGE }

        public Problem(long line, String reason, String value) {
            this(line, reason, value, Kind.OTHER);
        }
    }

    /** True when some listed row was left out for a value over the import's maximum field size. */
    public boolean hasTooLargeValues() {
        return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.FIELD_TOO_LARGE);
    }

    /** The report as the command line prints it. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Imported into \"%s\" in %.1f s%n", list, elapsed.toMillis() / 1000.0));
        sb.append(String.format("  read         %,d%n", read));
        sb.append(String.format("  added        %,d%n", added));
        sb.append(String.format("  updated      %,d%n", updated));
        sb.append(String.format("  unchanged    %,d%n", unchanged));
        sb.append(String.format("  duplicates   %,d%n", duplicates));
        sb.append(String.format("  invalid      %,d%n", invalid));
        sb.append(String.format("  blacklisted  %,d%n", blacklisted));
        if (removed > 0) sb.append(String.format("  removed      %,d (no longer in the source)%n", removed));
        for (Problem p : problems) {
            sb.append("  ").append(unit).append(' ').append(p.line()).append(": ").append(SafeText.of(p.reason(), 300));
            if (p.value() != null && !p.value().isEmpty()) sb.append(" (").append(SafeText.of(p.value(), 200)).append(')');
            sb.append(System.lineSeparator());
        }
        if (invalid > problems.size()) {
            sb.append("  ... and ").append(invalid - problems.size()).append(" more invalid rows").append(System.lineSeparator());
        }
        return sb.toString();
    }
}
