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
    void theFastReaderAgreesWithJacksonOnEveryShapeItAccepts() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
        var type = new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {};
        for (String json : List.of(
                FieldsJson.write(AWKWARD),
                "{ \"a\" : \"1\" , \"b\":null,\"c\":\"\\u00e9\\/\\b\\f\" }",
                "{\"dup\":\"first\",\"dup\":\"second\"}",
                "{\"n\": 42, \"t\": true}",          // not flat strings: Jackson's coercion decides
                "\n{\"x\":\"y\"}\n")) {
            assertThat(FieldsJson.read(json)).as(json).isEqualTo(jackson.readValue(json, type));
        }
    }

    @Test
    void namesAndValuesAreWrittenAsTheMapWouldBe() {
        Map<String, String> fields = new LinkedHashMap<>(AWKWARD);
        fields.put("Empty", "");
        fields.put("Missing", null);
        fields.put("Plain", "no escape at all");
        fields.put("Late escape", "fine until here\"");

        String fromLists = FieldsJson.write(List.copyOf(fields.keySet()), fields.values().toArray(new String[0]));

        assertThat(fromLists).isEqualTo(FieldsJson.write(fields));
        assertThat(FieldsJson.read(fromLists)).isEqualTo(fields);
    }

    @Test
    void brokenStoredJsonIsStillReportedAsBroken() {
        for (String json : List.of("{\"a\":\"1\"", "{\"a\" \"1\"}", "[\"a\"]")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldsJson.read(json)).as(json)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid JSON");
        }
    }

    @Test
    void valuesSurviveAJsonRoundTrip() {
        assertThat(FieldsJson.read(FieldsJson.write(AWKWARD))).isEqualTo(AWKWARD);
    }

    @Test
    void sqliteReadsTheSameValuesTheFilterCompares() throws Exception {
        ContactRepository repo = new ContactRepository(TestStores.fresh());
        ContactList list = repo.createList("L", List.copyOf(AWKWARD.keySet()));
        repo.upsert(list.id(), List.of(Contact.of("a@example.com", AWKWARD)));
        list = repo.requireList("L");

        // A key with quotes cannot be named in a condition, but it must not stop the others from being read.
        org.broadside.merge.Condition f = org.broadside.merge.Condition.parse("[[Ünïcødé]] * \"😀\" <AND> [[Note]] #? 'line1'");

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
