package org.broadside.delivery;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.FieldsJson;
import org.broadside.contacts.validation.EmailSyntax;
import org.broadside.merge.Condition;
import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The freeze copies each contact's stored fields as they are (it no longer parses and rewrites them): the recipient
 * must read back exactly the contact's values, escapes, empty values and all, and the skip rules still apply. On both
 * stores: the team store copies the fields text as exactly as SQLite does.
 */
class CampaignFreezerTest {
    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void recipientsCarryTheContactsFieldsExactlyAndTheSkipRulesHold(StoreBackend backend) throws Exception {
        try (Database db = backend.open(TempDirs.create("freezer-" + backend))) {
            freezeAndCheck(db);
        }
    }

    private static void freezeAndCheck(Database db) throws Exception {
        ContactRepository contacts = new ContactRepository(db);
        ContactList list = contacts.createList("L", List.of("Name", "Note", "Code"));
        Map<String, String> tricky = new LinkedHashMap<>();
        tricky.put("Name", "Zoë \"Z\" O'Brien\\");
        tricky.put("Note", "line one\nline two\ttab \u2028 sep");
        tricky.put("Code", "");
        contacts.upsert(list.id(), List.of(
                Contact.of("zoe@example.com", tricky),
                Contact.of("no-code@example.com", Map.of("Name", "Nick", "Note", "n", "Code", "  ")),
                Contact.of("broken-address", Map.of("Name", "B", "Note", "n", "Code", "7")),
                Contact.of("kim@blocked.example", Map.of("Name", "Kim", "Note", "n", "Code", "8")),
                Contact.of("lee@example.com", Map.of("Name", "Lee", "Note", "n", "Code", "9"))));
        new BlacklistRepository(db).add("@blocked.example", "test", "test");
        CampaignRepository campaigns = new CampaignRepository(db);
        CampaignRecord record = campaigns.findOrCreate("uid-1", "Freeze", null);

        new CampaignFreezer(new BlacklistRepository(db), campaigns)
                .freeze(record, list, null, EmailSyntax::problem, List.of());
        Map<String, RecipientRow> rows = rows(campaigns, record);
        assertThat(FieldsJson.read(rows.get("zoe@example.com").fieldsJson())).containsExactlyEntriesOf(tricky);
        assertThat(rows.get("zoe@example.com").state()).isEqualTo(RecipientState.PENDING);
        assertThat(rows.get("broken-address").reason()).startsWith("invalid address");
        assertThat(rows.get("kim@blocked.example").reason()).startsWith("blacklisted");
        assertThat(rows.get("no-code@example.com").state()).isEqualTo(RecipientState.PENDING);
        assertThat(rows.values()).extracting(RecipientRow::seq).containsExactly(1L, 2L, 3L, 4L, 5L);

        CampaignRecord required = campaigns.findOrCreate("uid-2", "Required", null);
        new CampaignFreezer(new BlacklistRepository(db), campaigns)
                .freeze(required, list, Condition.parse("[[Name]] <> \"Lee\""), EmailSyntax::problem, List.of("code"));
        Map<String, RecipientRow> withCode = rows(campaigns, required);
        assertThat(withCode).doesNotContainKey("lee@example.com");
        assertThat(withCode.get("zoe@example.com").reason()).isEqualTo("missing required field \"code\"");
        assertThat(withCode.get("no-code@example.com").reason()).isEqualTo("missing required field \"code\"");
        assertThat(withCode.get("zoe@example.com").state()).isEqualTo(RecipientState.SKIPPED);
    }

    /**
     * The rows are copied inside the store and the skip rules marked in pages afterwards: across several pages every
     * recipient keeps its place (seq in the list's order, ids in the same order), and each skip lands on its own row.
     */
    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aListLongerThanAPageKeepsItsOrderAndEverySkipLandsOnItsRow(StoreBackend backend) throws Exception {
        try (Database db = backend.open(TempDirs.create("freezer-pages-" + backend))) {
            ContactRepository contacts = new ContactRepository(db);
            ContactList list = contacts.createList("Many", List.of("N"));
            List<Contact> many = new ArrayList<>();
            int n = 12_345;
            for (int i = 0; i < n; i++) {
                many.add(Contact.of(i % 1000 == 7 ? "broken-" + i : "p" + i + (i % 2000 == 11 ? "@blocked.example" : "@example.com"),
                        Map.of("N", String.valueOf(i))));
            }
            contacts.upsert(list.id(), many);
            new BlacklistRepository(db).add("@blocked.example", "test", "test");
            CampaignRepository campaigns = new CampaignRepository(db);
            CampaignRecord record = campaigns.findOrCreate("uid-many", "Many", null);

            new CampaignFreezer(new BlacklistRepository(db), campaigns)
                    .freeze(record, list, Condition.parse("[[N]] <> \"3\""), EmailSyntax::problem, List.of());

            List<RecipientRow> all = new ArrayList<>();
            campaigns.forEachRecipient(campaigns.find(record.uid()).orElseThrow().id(), all::add);
            assertThat(all).hasSize(n - 1);
            for (int k = 0; k < all.size(); k++) {
                RecipientRow row = all.get(k);
                int i = k < 3 ? k : k + 1; // the filter left out contact 3
                assertThat(row.seq()).isEqualTo(k + 1L);
                if (k > 0) assertThat(row.id()).isGreaterThan(all.get(k - 1).id());
                assertThat(FieldsJson.read(row.fieldsJson())).containsEntry("N", String.valueOf(i));
                if (i % 1000 == 7) {
                    assertThat(row.reason()).startsWith("invalid address");
                } else if (i % 2000 == 11) {
                    assertThat(row.reason()).isEqualTo("blacklisted (@blocked.example)");
                } else {
                    assertThat(row.state()).isEqualTo(RecipientState.PENDING);
                    assertThat(row.reason()).isNull();
                }
            }
        }
    }

    /**
     * A skip rule that fails part-way fails the freeze as a whole: nothing is copied, the campaign stays unfrozen (a
     * later freeze starts over), and on SQLite the skip pass's own reading thread has ended with it.
     */
    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void aSkipRuleThatFailsLeavesTheCampaignUnfrozenAndEmpty(StoreBackend backend) throws Exception {
        try (Database db = backend.open(TempDirs.create("freezer-failing-rule-" + backend))) {
            ContactRepository contacts = new ContactRepository(db);
            ContactList list = contacts.createList("Few", List.of("N"));
            List<Contact> few = new ArrayList<>();
            for (int i = 0; i < 20; i++) few.add(Contact.of("f" + i + "@example.com", Map.of("N", String.valueOf(i))));
            contacts.upsert(list.id(), few);
            CampaignRepository campaigns = new CampaignRepository(db);
            CampaignRecord record = campaigns.findOrCreate("uid-failing", "Failing", null);
            CampaignRepository.SkipRule failing = new CampaignRepository.SkipRule() {
                int seen;

                @Override
                public String reason(String email, String fieldsJson) {
                    if (++seen == 3) throw new IllegalStateException("the rule broke on " + email);
                    return null;
                }

                @Override
                public boolean readsFields() {
                    return false;
                }
            };

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> campaigns.freezeFromList(record.id(), list.id(), null, failing))
                    .isInstanceOf(IllegalStateException.class).hasMessage("the rule broke on f2@example.com");

            assertThat(campaigns.find(record.uid()).orElseThrow().frozen()).isFalse();
            List<RecipientRow> all = new ArrayList<>();
            campaigns.forEachRecipient(record.id(), all::add);
            assertThat(all).isEmpty();
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContain("broadside-freeze-skip-pass");
        }
    }

    /**
     * A team store plans the senders' claims on the table's statistics: a freeze of the list refreshes them at once, as
     * the freeze of given rows does (RecipientClaimsPlanTest), instead of leaving them to autovacuum.
     */
    @org.junit.jupiter.api.Test
    void aFreezeOnTheTeamStoreLeavesStatisticsThatCountItsRecipients() throws Exception {
        try (Database db = StoreBackend.POSTGRES.open(TempDirs.create("freezer-statistics"))) {
            ContactRepository contacts = new ContactRepository(db);
            ContactList list = contacts.createList("Stats", List.of("N"));
            List<Contact> many = new ArrayList<>();
            for (int i = 0; i < 3000; i++) many.add(Contact.of("s" + i + "@example.com", Map.of("N", String.valueOf(i))));
            contacts.upsert(list.id(), many);
            CampaignRepository campaigns = new CampaignRepository(db);
            CampaignRecord record = campaigns.findOrCreate("uid-stats", "Stats", null);

            new CampaignFreezer(new BlacklistRepository(db), campaigns).freeze(record, list, null, EmailSyntax::problem, List.of());

            double counted = db.read(c -> {
                try (var p = c.prepareStatement("SELECT reltuples FROM pg_class WHERE relname = 'recipients'");
                     var rs = p.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            });
            assertThat(counted).isGreaterThanOrEqualTo(3000);
        }
    }

    private static Map<String, RecipientRow> rows(CampaignRepository campaigns, CampaignRecord record) {
        Map<String, RecipientRow> out = new LinkedHashMap<>();
        List<RecipientRow> all = new ArrayList<>();
        campaigns.forEachRecipient(campaigns.find(record.uid()).orElseThrow().id(), all::add);
        all.forEach(r -> out.put(r.email(), r));
        return out;
    }
}
