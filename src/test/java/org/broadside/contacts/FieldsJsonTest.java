package org.broadside.contacts;

import org.broadside.contacts.support.TestStores;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldsJsonTest {
    private static final Map<String, String> AWKWARD = new LinkedHashMap<>();

    static {
        AWKWARD.put("Quote \"Name\"", "say \"hi\" \\ back");
        AWKWARD.put("Note", "line1\nline2\r\n\ttab \u0001 bell \u2028 sep");
        AWKWARD.put("Ünïcødé", "日本語 😀");
    }

    @Test
    void valuesSurviveAJsonRoundTrip() {
        assertThat(FieldsJson.read(FieldsJson.write(AWKWARD))).isEqualTo(AWKWARD);
    }

    @Test
    void sqliteReadsTheSameValuesTheFilterCompares() {
        ContactRepository repo = new ContactRepository(TestStores.fresh());
        ContactList list = repo.createList("L", List.copyOf(AWKWARD.keySet()));
        repo.upsert(list.id(), List.of(Contact.of("a@example.com", AWKWARD)));
        list = repo.requireList("L");

        ContactFilter f = ContactFilter.parse("[[Quote \"Name\"]] = \"say \\\"hi\\\" \\\\ back\" <AND> [[Ünïcødé]] * \"😀\"", list.fields());

        assertThat(repo.count(list.id(), f)).isEqualTo(1);
        assertThat(repo.search(list.id(), f, 0, 1)).extracting(Contact::email).containsExactly("a@example.com");
    }

    @Test
    void fieldsWithQuotesInTheirNameCanBeRenamedAndDeleted() {
        ContactRepository repo = new ContactRepository(TestStores.fresh());
        ContactList list = repo.createList("L", List.copyOf(AWKWARD.keySet()));
        repo.upsert(list.id(), List.of(Contact.of("a@example.com", AWKWARD)));

        repo.renameField(list.id(), "Quote \"Name\"", "Plain");
        repo.deleteField(list.id(), "Note");

        assertThat(repo.find(list.id(), "a@example.com").orElseThrow().fields())
                .isEqualTo(Map.of("Plain", "say \"hi\" \\ back", "Ünïcødé", "日本語 😀"));
    }
}
