package org.broadside.ui.delivery;

import org.broadside.delivery.AccountNotice;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of a run and their latest problem: turns the engine's AccountNotices into badges and into the banner
 * sentence with a next try that counts down. A RECOVERED notice or an accepted message clears the account.
 */
final class AccountNotices {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final Clock clock;
    private final Map<String, AccountNotice> problems = new LinkedHashMap<>();
    private final List<String> accounts = new java.util.ArrayList<>();
    private AccountNotice latest;
    /** The run is over: no next try is coming, whatever the last notice announced. */
    private boolean runOver;

    AccountNotices(Clock clock) {
        this.clock = clock;
    }

    /** Starts a run with these accounts: every badge OK. */
    void reset(List<String> runAccounts) {
        accounts.clear();
        accounts.addAll(runAccounts);
        problems.clear();
        latest = null;
        runOver = false;
    }

    /**
     * The run ended (finished by the other accounts, paused, stopped): the problems stay (the account is still broken,
     * its badge says so) but their countdowns go, or a finished run would say "Trying again now" for ever.
     */
    void runEnded() {
        runOver = true;
    }

    void take(AccountNotice n) {
        if (!accounts.contains(n.account())) accounts.add(n.account());
        if (n.kind() == AccountNotice.Kind.RECOVERED) {
            clear(n.account());
            return;
        }
        problems.put(n.account(), n);
        latest = n;
    }

    /**
     * The account accepted a message: a failure is over. A wait (quota, pacing) is not: the message that was already
     * on its way when the quota was reached says nothing about the wait, which lasts until its next try.
     */
    boolean accepted(String account) {
        AccountNotice n = account == null ? null : problems.get(account);
        if (n == null) return false;
        boolean waitStillRunning = !n.kind().isProblem() && n.nextTry() != null && n.nextTry().isAfter(clock.instant());
        return !waitStillRunning && clear(account);
    }

    private boolean clear(String account) {
        problems.remove(account);
        if (latest != null && latest.account().equals(account)) {
            latest = problems.values().stream().reduce((a, b) -> b).orElse(null);
        }
        return true;
    }

    /**
     * When sending resumes if every account of the run is waiting (quota, pacing, back-off), else null: the rate
     * says nothing about the time left then.
     */
    Instant allWaitingUntil() {
        if (accounts.isEmpty() || runOver) return null;
        Instant earliest = null;
        for (String a : accounts) {
            AccountNotice n = problems.get(a);
            if (n == null || n.nextTry() == null || !n.nextTry().isAfter(clock.instant())) return null;
            if (earliest == null || n.nextTry().isBefore(earliest)) earliest = n.nextTry();
        }
        return earliest;
    }

    List<AccountBadge> badges() {
        return accounts.stream().map(a -> {
            AccountNotice n = problems.get(a);
            return n == null ? AccountBadge.ok(a) : new AccountBadge(a, shortCause(n.kind()), n.kind().isProblem());
        }).toList();
    }

    /** The banner for the latest problem still open, or null when every account works. */
    Banner banner() {
        AccountNotice n = latest;
        if (n == null) return null;
        String sentence = sentence(n);
        // Some causes name the account themselves ("Account X reached its limit...", "... refused the login of account
        // X"): not "Account X: Account X ..." nor "Account X: ... of account X".
        boolean named = sentence.startsWith("Account " + n.account() + " ") || n.cause().contains("account " + n.account());
        String text = named ? sentence : "Account " + n.account() + ": " + sentence;
        if (n.kind() == AccountNotice.Kind.GAVE_UP) return Banner.error(text, Banner.Action.RESUME);
        return n.kind().isProblem() ? Banner.error(text) : Banner.info(text);
    }

    private String sentence(AccountNotice n) {
        StringBuilder sb = new StringBuilder(n.cause().strip());
        if (!n.cause().strip().endsWith(".")) sb.append('.');
        if (n.advice() != null && !n.advice().isBlank()) sb.append(' ').append(n.advice().strip());
        if (n.nextTry() != null && !runOver) {
            long seconds = Math.max(0, (n.nextTry().toEpochMilli() - clock.millis() + 999) / 1000);
            sb.append(seconds == 0 ? " Trying again now" : seconds < 90 ? " Next try in " + seconds + " s"
                    : " Next try at " + TIME.format(n.nextTry()));
            if (n.attempt() > 0) sb.append(" (attempt ").append(n.attempt() + 1).append(')');
            sb.append('.');
        } else if (n.kind() == AccountNotice.Kind.GAVE_UP) {
            if (!sb.toString().contains("Resume")) sb.append(" Press Resume to try again now.");
        }
        return sb.toString();
    }

    static String shortCause(AccountNotice.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> "cannot connect";
            case TLS -> "secure connection failed";
            case AUTHENTICATION -> "login refused";
            case BUSY -> "server busy";
            case QUOTA -> "quota reached, waiting";
            case PACING -> "slowed down";
            case GAVE_UP -> "gave up";
            case RECOVERED -> "OK";
        };
    }

    Instant now() { return clock.instant(); }
}
