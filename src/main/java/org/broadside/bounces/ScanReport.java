package org.broadside.bounces;

import java.util.List;

/**
 * The result of scanning one mailbox: one line per message, and what happened to the recognised ones.
 *
 * @param disposed recognised messages moved or deleted (0 in a dry run and with {@link AfterScan#KEEP})
 */
public record ScanReport(String mailbox, boolean dryRun, AfterScan afterScan, List<ScanLine> lines, int disposed) {
    public ScanReport {
        lines = List.copyOf(lines);
    }

    public long recognised() { return lines.stream().filter(l -> l.kind().recognised()).count(); }

    public long leftAlone() { return lines.size() - recognised(); }
}
