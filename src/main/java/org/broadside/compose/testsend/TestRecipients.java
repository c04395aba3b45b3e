package org.broadside.compose.testsend;

import org.broadside.campaign.Campaign;
import org.broadside.compose.ComposeException;
import org.broadside.compose.ContactFilters;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactLookup;
import org.broadside.merge.Condition;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The recipients a test may be merged as: the contacts of the campaign's list that pass its filter, found by
 * address, by a search, the first one, or a random few. Reads the list as it is now; the campaign's frozen
 * recipients (if it was sent) are not used, and nothing is written.
 */
public final class TestRecipients {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private final ContactRepository contacts;
    private final ContactList list;
    /** Null: the whole list. */
    private final Condition filter;

    private TestRecipients(ContactRepository contacts, ContactList list, Condition filter) {
        this.contacts = contacts;
        this.list = list;
        this.filter = filter;
    }

    /** The recipients of {@code campaign}: its list, narrowed by its filter. */
    public static TestRecipients of(Campaign campaign, ContactRepository contacts) throws ComposeException {
        if (campaign.list() == null || campaign.list().isBlank()) {
            throw new ComposeException("The campaign has no list yet: choose one on the Recipients tab.");
        }
        ContactList list = contacts.findList(campaign.list())
                .orElseThrow(() -> new ComposeException("There is no list named \"" + campaign.list() + "\"."));
        Condition filter = ContactFilters.compileOrNull(campaign.filter());
        return new TestRecipients(contacts, list, filter);
    }

    public String listName() { return list.name(); }

    /** The first recipient in list order, if the list (after the filter) has any. */
    public Optional<Contact> first() {
        try (Stream<Contact> s = contacts.stream(list.id(), filter)) {
            return s.findFirst();
        }
    }

    /** The recipient with this address (compared case-insensitively), when it is on the list and passes the filter. */
    public Optional<Contact> byAddress(String email) {
        return contacts.find(list.id(), email.strip()).filter(c -> filter == null || filter.test(ContactLookup.of(c)));
    }

    /**
     * Up to {@code limit} recipients whose address or a field value contains {@code text}, ignoring case and accents
     * ("zoe" finds "Zoë"); a blank text gives the first ones.
     */
    public List<Contact> search(String text, int limit) {
        String wanted = fold(text == null ? "" : text.strip());
        try (Stream<Contact> s = contacts.stream(list.id(), filter)) {
            return s.filter(c -> wanted.isEmpty() || matches(c, wanted)).limit(limit).toList();
        }
    }

    /** {@code count} recipients picked at random (all of them when there are fewer), in list order. */
    public List<Contact> random(int count, Random random) {
        // Reservoir sampling: one pass, memory for count contacts only, even over a million.
        List<Contact> picked = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        long[] seen = {0};
        try (Stream<Contact> s = contacts.stream(list.id(), filter)) {
            s.forEach(c -> {
                long n = seen[0]++;
                if (picked.size() < count) {
                    picked.add(c);
                    order.add(n);
                } else {
                    long j = (long) (random.nextDouble() * (n + 1));
                    if (j < count) {
                        picked.set((int) j, c);
                        order.set((int) j, n);
                    }
                }
            });
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < picked.size(); i++) idx.add(i);
        idx.sort((a, b) -> Long.compare(order.get(a), order.get(b)));
        return idx.stream().map(picked::get).toList();
    }

    private static boolean matches(Contact c, String wanted) {
        if (fold(c.email()).contains(wanted)) return true;
        for (String v : c.fields().values()) {
            if (v != null && fold(v).contains(wanted)) return true;
        }
        return false;
    }

    /** Lower case without accents: what a search compares. */
    static String fold(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
