package org.broadside.contacts.validation;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.EmailKeys;
import org.broadside.store.Database;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks every address of a list: syntax, role address, disposable domain and (optionally) whether the domain
 * receives mail. The result is kept in each contact's flags ("invalid", "role", "disposable", "no-mail-domain"),
 * so the list manager can filter on it and the engine can skip invalid addresses. Never probes mailboxes over SMTP.
 */
public final class ListValidator {
    public static final int MAX_LISTED = 200;

    private final ContactRepository contacts;
    private final DomainChecker domains;

    /** @param domains null to skip the DNS check */
    public ListValidator(ContactRepository contacts, DomainChecker domains) {
        this.contacts = contacts;
        this.domains = domains;
    }

    /** The outcome of a validation run, with the first {@link #MAX_LISTED} findings. */
    public record Report(long checked, long invalid, long role, long disposable, long noMailDomain, long domainUnknown,
                         long removed, List<String> findings) {
        public String format() {
            StringBuilder sb = new StringBuilder();
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

    /** @param remove delete the contacts whose address is invalid or whose domain cannot receive mail */
    public Report validate(long listId, boolean remove) {
        if (domains != null) {
            Set<String> distinct = new HashSet<>();
            contacts.forEach(listId, c -> {
                if (EmailSyntax.isValid(c.email())) distinct.add(EmailKeys.domainKey(c.email()));
            });
            domains.checkAll(distinct);
        }
        long[] n = new long[7];
        List<String> findings = new ArrayList<>();
        Database db = contacts.database();
        db.inTransaction(conn -> {
            try (PreparedStatement flag = conn.prepareStatement("UPDATE contacts SET flags = ? WHERE id = ?");
                 PreparedStatement delete = conn.prepareStatement("DELETE FROM contacts WHERE id = ?")) {
                contacts.forEach(listId, c -> {
                    try {
                        n[0]++;
                        Verdict v = judge(c);
                        if (v.invalid != null) n[1]++;
                        if (v.role) n[2]++;
                        if (v.disposable) n[3]++;
                        if (v.status == MailDomainStatus.NO_MAIL) n[4]++;
                        if (v.status == MailDomainStatus.UNKNOWN) n[5]++;
                        String problem = v.invalid != null ? v.invalid
                                : v.status == MailDomainStatus.NO_MAIL ? "the domain does not receive mail" : null;
                        if (problem != null && findings.size() < MAX_LISTED) findings.add(c.email() + ": " + problem);
                        if (remove && problem != null) {
                            delete.setLong(1, c.id());
                            delete.addBatch();
                            n[6]++;
                        } else {
                            flag.setString(1, v.flags());
                            flag.setLong(2, c.id());
                            flag.addBatch();
                        }
                        if (n[0] % 2000 == 0) {
                            flag.executeBatch();
                            delete.executeBatch();
                        }
                    } catch (java.sql.SQLException e) {
                        throw new org.broadside.store.StoreException("Saving validation results failed: " + e.getMessage(), e);
                    }
                });
                flag.executeBatch();
                delete.executeBatch();
            }
            return null;
        });
        return new Report(n[0], n[1], n[2], n[3], n[4], n[5], n[6], findings);
    }

    private Verdict judge(Contact c) {
        String invalid = EmailSyntax.problem(c.email());
        if (invalid != null) return new Verdict(invalid, false, false, null);
        String domain = EmailKeys.domainKey(c.email());
        MailDomainStatus status = domains == null ? null : domains.check(domain);
        return new Verdict(null, RoleAddresses.isRole(c.email()), DisposableDomains.isDisposable(domain), status);
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
