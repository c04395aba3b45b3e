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

        new CampaignFreezer(contacts, new BlacklistRepository(db), campaigns)
                .freeze(record, list, null, EmailSyntax::problem, List.of());
        Map<String, RecipientRow> rows = rows(campaigns, record);
        assertThat(FieldsJson.read(rows.get("zoe@example.com").fieldsJson())).containsExactlyEntriesOf(tricky);
        assertThat(rows.get("zoe@example.com").state()).isEqualTo(RecipientState.PENDING);
        assertThat(rows.get("broken-address").reason()).startsWith("invalid address");
        assertThat(rows.get("kim@blocked.example").reason()).startsWith("blacklisted");
        assertThat(rows.get("no-code@example.com").state()).isEqualTo(RecipientState.PENDING);
        assertThat(rows.values()).extracting(RecipientRow::seq).containsExactly(1L, 2L, 3L, 4L, 5L);

        CampaignRecord required = campaigns.findOrCreate("uid-2", "Required", null);
        new CampaignFreezer(contacts, new BlacklistRepository(db), campaigns)
                .freeze(required, list, Condition.parse("[[Name]] <> \"Lee\""), EmailSyntax::problem, List.of("code"));
        Map<String, RecipientRow> withCode = rows(campaigns, required);
        assertThat(withCode).doesNotContainKey("lee@example.com");
        assertThat(withCode.get("zoe@example.com").reason()).isEqualTo("missing required field \"code\"");
        assertThat(withCode.get("no-code@example.com").reason()).isEqualTo("missing required field \"code\"");
        assertThat(withCode.get("zoe@example.com").state()).isEqualTo(RecipientState.SKIPPED);
    }

    private static Map<String, RecipientRow> rows(CampaignRepository campaigns, CampaignRecord record) {
        Map<String, RecipientRow> out = new LinkedHashMap<>();
        List<RecipientRow> all = new ArrayList<>();
        campaigns.forEachRecipient(campaigns.find(record.uid()).orElseThrow().id(), all::add);
        all.forEach(r -> out.put(r.email(), r));
        return out;
    }
}
