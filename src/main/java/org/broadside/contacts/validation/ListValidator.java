package org.broadside.contacts.validation;

import org.broadside.store.DataAccess;
import org.broadside.events.AppEvent;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.EmailKeys;
import org.broadside.contacts.ListTaskMonitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every address of a list: syntax, role address, disposable domain and (optionally) whether the domain
 * receives mail. The result is kept in each contact's flags ("invalid", "role", "disposable", "no-mail-domain"),
 * so the list manager can filter on it and the engine can skip invalid addresses. Never probes mailboxes over SMTP.
 */
@DataAccess
public final class ListValidator {
    public static final int MAX_LISTED = 200;

    private final ContactRepository contacts;
    private final DomainChecker domains;
    private final DisposableDomains disposable;

    /**
     * Judges disposable domains by the list in force for the contacts' data directory (shipped or installed list
     * plus the user's own file).
     *
     * @param domains null to skip the DNS check
     */
    public ListValidator(ContactRepository contacts, DomainChecker domains) {
        this(contacts, domains, DisposableDomains.forDataDirectory(contacts.database().directory()));
    }

    /** @param domains null to skip the DNS check */
    public ListValidator(ContactRepository contacts, DomainChecker domains, DisposableDomains disposable) {
        this.contacts = contacts;
        this.domains = domains;
        this.disposable = disposable;
    }

    /**
     * The outcome of a validation run, with the first {@link #MAX_LISTED} findings. {@code total} is the size of the
     * list when the run began; {@code cancelled} is null for a complete run, else the sentence saying how far it got.
     */
    public record Report(long total, long checked, long invalid, long role, long disposable, long noMailDomain,
                         long domainUnknown, long removed, List<String> findings, String cancelled) {
        public String format() {
            StringBuilder sb = new StringBuilder();
            if (cancelled != null) sb.append(cancelled).append(System.lineSeparator());
            sb.append(String.format("  checked            %,d%n", checked));
            sb.append(String.format("  invalid syntax     %,d%n", invalid));
            sb.append(String.format("  role addresses     %,d%n", role));
            sb.append(String.format("  disposable domains %,d%n", disposable));
            sb.append(String.format("  no mail domain     %,d%n", noMailDomain));
            if (domainUnknown > 0) sb.append(String.format("  DNS did not answer %,d (not judged)%n", domainUnknown));
            if (removed > 0) sb.append(String.format("  removed            %,d%n", removed));
            for (String f : findings) sb.append("  ").append(f).append(System.lineSeparator());
            return sb.toString();
        }
    }

    /** Contacts judged and written per transaction: the unit of progress, of cancelling and of what a cancel keeps. */
    static final int BATCH = 2_000;

    /** @param remove delete the contacts whose address is invalid or whose domain cannot receive mail */
    public Report validate(long listId, boolean remove) {
        return validate(listId, remove, ListTaskMonitor.NONE);
    }

    /**
     * Like {@link #validate(long, boolean)}, stoppable between batches. A cancel keeps what the finished batches
     * did (their flags and, with remove, their deletions) rather than rolling it back: each batch is complete and is
     * what the user asked for, a rollback would throw away minutes of work on a large list, and one transaction
     * over a whole list would hold the store's write lock against a send for as long. The contacts after the cut
     * keep the flags they had. A cancel while domains are looked up changes no contact.
     */
    public Report validate(long listId, boolean remove, ListTaskMonitor monitor) {
        long total = contacts.count(listId);
        if (domains != null) {
            Set<String> distinct = distinctDomains(listId, total, monitor);
            if (distinct == null) {
                return cancelledEarly(total, "Validation cancelled while reading the addresses; no contact was changed.");
            }
            int answered = domains.checkAll(distinct, monitor);
            if (answered < distinct.size()) {
                return cancelledEarly(total, String.format("Validation cancelled while looking up domains (%,d of %,d answered);"
                        + " no contact was changed.", answered, distinct.size()));
            }
        }
        Counts n = new Counts();
        List<String> findings = new ArrayList<>();
        long afterId = 0;
        while (true) {
            if (monitor.cancelRequested()) {
                String sentence = String.format("Validation cancelled after %,d of %,d contacts; the other %,d were not checked"
                        + " and keep their earlier flags.", n.checked, total, Math.max(0, total - n.checked));
                return n.report(total, findings, sentence);
            }
            long from = afterId;
            long checkedBefore = n.checked;
            afterId = contacts.database().write(AppEvent.ListsChanged.ANY, conn -> checkBatch(conn, listId, from, remove, n, findings));
            monitor.progress("contacts checked", n.checked, total);
            // A short batch was the last one: a cancel arriving now would have nothing left to stop.
            if (afterId < 0 || n.checked - checkedBefore < BATCH) return n.report(total, findings, null);
        }
    }

    private static Report cancelledEarly(long total, String sentence) {
        return new Counts().report(total, List.of(), sentence);
    }

    /** Every domain the list's valid addresses use, or null when cancelled. */
    private Set<String> distinctDomains(long listId, long total, ListTaskMonitor monitor) {
        Set<String> distinct = new HashSet<>();
        ContactRepository.Walk walk = contacts.forEachStoppable(listId, total, monitor, c -> {
            if (EmailSyntax.isValid(c.email())) distinct.add(EmailKeys.domainKey(c.email()));
        });
        return walk.cancelled() ? null : distinct;
    }

    /** Judges and writes one batch; answers the id to continue after, or -1 when the list is done. */
    private long checkBatch(Connection conn, long listId, long afterId, boolean remove, Counts n, List<String> findings)
            throws SQLException {
        List<Contact> batch = ContactRepository.batchAfter(conn, listId, afterId, BATCH);
        if (batch.isEmpty()) return -1;
        try (PreparedStatement flag = conn.prepareStatement("UPDATE contacts SET flags = ? WHERE id = ?");
             PreparedStatement delete = conn.prepareStatement("DELETE FROM contacts WHERE id = ?")) {
            for (Contact c : batch) {
                n.checked++;
                Verdict v = judge(c);
                if (v.invalid != null) n.invalid++;
                if (v.role) n.role++;
                if (v.disposable) n.disposable++;
                if (v.status == MailDomainStatus.NO_MAIL) n.noMailDomain++;
                if (v.status == MailDomainStatus.UNKNOWN) n.domainUnknown++;
                String problem = v.invalid != null ? v.invalid
                        : v.status == MailDomainStatus.NO_MAIL ? "the domain does not receive mail" : null;
                if (problem != null && findings.size() < MAX_LISTED) findings.add(c.email() + ": " + problem);
                if (remove && problem != null) {
                    delete.setLong(1, c.id());
                    delete.addBatch();
                    n.removed++;
                } else {
                    flag.setString(1, v.flags());
                    flag.setLong(2, c.id());
                    flag.addBatch();
                }
            }
            flag.executeBatch();
            delete.executeBatch();
        }
        return batch.get(batch.size() - 1).id();
    }

    /** Running totals of a validation. */
    private static final class Counts {
        long checked, invalid, role, disposable, noMailDomain, domainUnknown, removed;

        Report report(long total, List<String> findings, String cancelled) {
            return new Report(total, checked, invalid, role, disposable, noMailDomain, domainUnknown, removed,
                    List.copyOf(findings), cancelled);
        }
    }

    private Verdict judge(Contact c) {
        String invalid = EmailSyntax.problem(c.email());
        if (invalid != null) return new Verdict(invalid, false, false, null);
        String domain = EmailKeys.domainKey(c.email());
        MailDomainStatus status = domains == null ? null : domains.check(domain);
        return new Verdict(null, RoleAddresses.isRole(c.email()), disposable.contains(domain), status);
    }

    private record Verdict(String invalid, boolean role, boolean disposable, MailDomainStatus status) {
        String flags() {
            List<String> f = new ArrayList<>();
            if (invalid != null) f.add("invalid");
            if (role) f.add("role");
            if (disposable) f.add("disposable");
            if (status == MailDomainStatus.NO_MAIL) f.add("no-mail-domain");
            return f.isEmpty() ? null : String.join(",", f);
        }
    }
}
