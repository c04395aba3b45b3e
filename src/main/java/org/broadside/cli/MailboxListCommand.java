package org.broadside.cli;

import org.broadside.bounces.AfterScan;
import org.broadside.bounces.MailboxAccount;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "broadside mailbox list": a table of the bounce mailboxes; shows no secret because the store holds none. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the bounce mailboxes (passwords are never shown).")
public final class MailboxListCommand extends CommandSupport implements Runnable {
    private static final String[] HEADER = {"NAME", "PROTOCOL", "HOST", "PORT", "TLS", "USER", "FOLDER", "PROCESSED"};

    @Override
    public void run() {
        List<MailboxAccount> mailboxes = MailboxCommand.repository(this).list();
        if (mailboxes.isEmpty()) {
            out().println("No mailboxes yet. Add one with: broadside mailbox add NAME --protocol imap --host HOST --user USER --password-env VAR");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MailboxAccount m : mailboxes) rows.add(row(m));
        int[] widths = new int[HEADER.length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) line.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", r[i]));
            out().println(line.toString().stripTrailing());
        }
    }

    private static String[] row(MailboxAccount m) {
        return new String[] {m.name(), m.protocol().name().toLowerCase(Locale.ROOT), m.host(), Integer.toString(m.port()),
                m.tls() ? "yes" : "no", m.username(), m.folder(), processed(m)};
    }

    private static String processed(MailboxAccount m) {
        if (m.afterScan() == AfterScan.MOVE) return "move to " + m.processedFolder();
        return m.afterScan() == AfterScan.DELETE ? "delete" : "keep";
    }
}
