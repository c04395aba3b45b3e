package org.broadside.contacts;

import org.broadside.contacts.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A de-duplication stopped between batches leaves every address either merged whole or as it was. */
class DeduplicatorCancelTest {
    static final int PAIRS = 500;
    private ContactRepository repo;
    private ContactList list;

    @BeforeEach
    void fill() {
        repo = new ContactRepository(TestStores.fresh());
        list = repo.createList("L", List.of("Name", "Phone"));
        List<Contact> all = new ArrayList<>();
        // Each address twice: once clean with a name, once with a trailing dot and a phone number.
        for (int i = 0; i < PAIRS; i++) all.add(Contact.of("u" + i + "@example.com", Map.of("Name", "N" + i)));
        for (int i = 0; i < PAIRS; i++) all.add(Contact.of("u" + i + "@example.com.", Map.of("Phone", "P" + i)));
        repo.upsert(list.id(), all);
    }

    private static ListTaskMonitor cancelWhen(String unit, long atLeast) {
        return new ListTaskMonitor() {
            private volatile boolean reached;

            @Override
            public boolean cancelRequested() { return reached; }

            @Override
            public void progress(String u, long done, long total) {
                if (u.equals(unit) && done >= atLeast) reached = true;
            }
        };
    }

    @Test
    void aCancelWhileMergingKeepsWholeMergesAndLeavesTheOtherAddressesAsTheyWere() {
        var result = new Deduplicator(repo).withinList(list.id(), cancelWhen("addresses merged", 1));

        assertThat(result.removed()).isEqualTo(Deduplicator.MERGE_BATCH);
        assertThat(result.cancelled()).isEqualTo("De-duplication cancelled after merging 200 of 500 addresses written in"
                + " several ways: 200 duplicate(s) removed; the others were left as they were.");
        assertThat(repo.count(list.id())).isEqualTo(2L * PAIRS - Deduplicator.MERGE_BATCH);
        int merged = 0;
        for (int i = 0; i < PAIRS; i++) {
            Contact clean = repo.find(list.id(), "u" + i + "@example.com").orElseThrow();
            boolean dottedLeft = repo.find(list.id(), "u" + i + "@example.com.").isPresent();
            if (dottedLeft) {
                assertThat(clean.fields()).doesNotContainKey("Phone");
            } else {
                assertThat(clean.fields()).containsEntry("Name", "N" + i).containsEntry("Phone", "P" + i);
                merged++;
            }
        }
        assertThat(merged).isEqualTo(Deduplicator.MERGE_BATCH);
    }

    @Test
    void aCancelWhileReadingRemovesNothing() {
        var result = new Deduplicator(repo).withinList(list.id(), () -> true);

        assertThat(result.removed()).isZero();
        assertThat(result.cancelled()).isEqualTo("De-duplication cancelled after reading 0 of 1,000 contacts; nothing was removed.");
        assertThat(repo.count(list.id())).isEqualTo(2L * PAIRS);
    }

    @Test
    void withoutACancelEveryPairIsMerged() {
        var result = new Deduplicator(repo).withinList(list.id(), () -> false);

        assertThat(result.cancelled()).isNull();
        assertThat(result.removed()).isEqualTo(PAIRS);
        assertThat(result.describe("L")).isEqualTo("500 duplicate(s) removed from L.");
    }
}
