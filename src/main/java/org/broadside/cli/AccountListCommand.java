package org.broadside.cli;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "broadside account list": a table of the accounts; shows no secret because the store holds none. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the sending accounts (passwords are never shown).")
public final class AccountListCommand extends CommandSupport implements Runnable {
    private static final String[] HEADER = {"NAME", "HOST", "PORT", "SECURITY", "AUTH", "USER", "CONNECTIONS", "PER HOUR", "PER DAY"};

    @Override
    public void run() {
        List<Account> accounts = AccountCommand.repository(this).list();
        if (accounts.isEmpty()) {
            out().println("No accounts yet. Add one with: broadside account add NAME --preset gmail --user you@gmail.com --password-env VAR");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Account a : accounts) rows.add(row(a));
        print(out(), rows);
    }

    private static String[] row(Account a) {
        return new String[] {a.name(), a.host(), Integer.toString(a.port()), a.security().name().toLowerCase(Locale.ROOT),
                AccountCommand.display(a.auth()), a.auth() == AccountAuth.NONE || a.username() == null ? "-" : a.username(),
                Integer.toString(a.connections()), limit(a.maxPerHour()), limit(a.maxPerDay())};
    }

    private static String limit(int value) { return value == 0 ? "unlimited" : Integer.toString(value); }

    private static void print(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) line.append("  ");
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + widths[i] + "s", r[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
