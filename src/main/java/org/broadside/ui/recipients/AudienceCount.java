package org.broadside.ui.recipients;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.compose.ComposeException;
import org.broadside.compose.ContactFilters;
import org.broadside.contacts.Contact;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts who a campaign would reach: the list's contacts that pass the filter, minus those the engine would
 * skip (blacklisted, no valid address, duplicates). One streaming pass, so it runs in the background.
 */
public final class AudienceCount {
    /** The outcome: how many receive it, and per reason how many are skipped. */
    public record Result(long inList, long excludedByFilter, long willReceive, Map<String, Long> skipped) {}

    private AudienceCount() {}

    public static Result count(ContactRepository contacts, BlacklistRepository blacklist, ContactList list, String filter)
            throws ComposeException {
        Predicate<Contact> condition = filter == null || filter.isBlank() ? null : ContactFilters.compile(filter);
        BlacklistRepository.Matcher black = blacklist.snapshot();
        long[] n = new long[3];
        Map<String, Long> skipped = new HashMap<>();
        Set<String> seen = new HashSet<>();
        contacts.forEach(list.id(), c -> {
            n[0]++;
            if (condition != null && !condition.test(c)) {
                n[1]++;
                return;
            }
            String email = c.email() == null ? "" : c.email().strip();
            String reason = !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? "invalid address"
                    : black.match(email) != null ? "blacklisted"
                    : !seen.add(email.toLowerCase()) ? "duplicate" : null;
            if (reason == null) n[2]++;
            else skipped.merge(reason, 1L, Long::sum);
        });
        return new Result(n[0], n[1], n[2], skipped);
    }
}
