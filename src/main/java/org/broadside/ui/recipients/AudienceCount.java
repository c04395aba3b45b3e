package org.broadside.ui.recipients;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.compose.ComposeException;
import org.broadside.compose.ContactFilters;
import org.broadside.contacts.Contact;
import org.broadside.merge.Condition;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts who a campaign would reach: the list's contacts that pass the filter, minus those the engine would
 * skip (blacklisted, no valid address, duplicates). One streaming pass, so it runs in the background.
 */
public final class AudienceCount {
    /**
     * The outcome: how many receive it, per reason how many are skipped, and the fields the filter reads that the list
     * does not have (normalized names; each is empty for every contact, most likely a typo).
     */
    public record Result(long inList, long excludedByFilter, long willReceive, Map<String, Long> skipped, List<String> unknownFields) {}

    private AudienceCount() {}

    public static Result count(ContactRepository contacts, BlacklistRepository blacklist, ContactList list, String filter)
            throws ComposeException {
        Condition condition = ContactFilters.compileOrNull(filter);
        BlacklistRepository.Matcher black = blacklist.snapshot();
        long inList = contacts.count(list.id());
        long[] n = new long[3];
        Map<String, Long> skipped = new HashMap<>();
        Set<String> seen = new HashSet<>();
        // The filter runs in SQL, as it will when the campaign's list is frozen: the count shows who that send reaches.
        contacts.forEach(list.id(), condition, c -> {
            n[0]++;
            String email = c.email() == null ? "" : c.email().strip();
            String reason = !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? "invalid address"
                    : black.match(email) != null ? "blacklisted"
                    : !seen.add(email.toLowerCase()) ? "duplicate" : null;
            if (reason == null) n[2]++;
            else skipped.merge(reason, 1L, Long::sum);
        });
        List<String> unknown = condition == null ? List.of() : condition.fieldsMissingFrom(list.fields());
        return new Result(Math.max(inList, n[0]), Math.max(0, inList - n[0]), n[2], skipped, unknown);
    }
}
