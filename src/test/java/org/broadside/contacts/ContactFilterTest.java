package org.broadside.contacts;

import org.broadside.contacts.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactFilterTest {
    private ContactRepository repo;
    private ContactList list;

    @BeforeEach
    void fill() {
        repo = new ContactRepository(TestStores.fresh());
        list = repo.createList("People", List.of("Country", "Age", "Name", "Score"));
        List<Contact> contacts = new ArrayList<>();
        contacts.add(contact("ann@example.fr", "FR", "34", "Ann", "9.5"));
        contacts.add(contact("bob@example.fr", "fr", "17", "Bob", "10"));
        contacts.add(contact("cem@example.de", "DE", "18", "Émile", "-3"));
        contacts.add(contact("dee@example.com", "US", "", "dee", "abc"));
        contacts.add(contact("eve@example.co.uk", "UK", " 101 ", "ÉLODIE", "1.0"));
        contacts.add(contact("fay@example.fr", "FR", "9", "O'Brien \"Fay\"", "+2"));
        contacts.add(Contact.of("gus@example.org", Map.of("Name", "Gus")));
        repo.upsert(list.id(), contacts);
        list = repo.requireList("People");
    }

    private static Contact contact(String email, String country, String age, String name, String score) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Country", country);
        f.put("Age", age);
        f.put("Name", name);
        f.put("Score", score);
        return Contact.of(email, f);
    }

    private List<String> inSql(String expression) {
        return repo.search(list.id(), ContactFilter.parse(expression, list.fields()), 0, 1000).stream().map(Contact::email).toList();
    }

    private List<String> inMemory(String expression) {
        ContactFilter f = ContactFilter.parse(expression, list.fields());
        List<String> out = new ArrayList<>();
        repo.forEach(list.id(), c -> {
            if (f.matches(c)) out.add(c.email());
        });
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[[Country]] = \"FR\"",
            "[[Country]] = \"fr\" <AND> [[Age]] >= 18",
            "[[Country]] = \"DE\" <OR> [[Country]] = \"FR\" <AND> [[Age]] < 18",
            "[[Age]] > 9",
            "[[Age]] > \"9\"",
            "[[Age]] <= 18 OR [[Name]] * \"É\"",
            "[[Score]] >= 1",
            "[[Score]] < 0",
            "[[Score]] = 10.0",
            "[[Score]] <> 1",
            "[[Name]] * \"é\"",
            "[[Name]] !* \"e\"",
            "[[Name]] #? \"é\"",
            "[[Name]] ?# \"ie\"",
            "[[Name]] ?# \"\"",
            "[[Name]] = \"O'Brien \"\"Fay\"\"\"",
            "[[Email]] ?# \".fr\"",
            "[[email]] #? \"B\"",
            "[[Country]] = \"\"",
            "[[Country]] <> \"\" <AND> [[Age]] = \"\"",
            "[[Age]] > [[Score]]",
            "[[Name]] = [[Name]]",
            "[[Country]] > \"F\"",
            "[[Name]] < \"b\"",
            "[[Name]] = \"élodie\"",
            "[[Age]] >= 18 <AND> [[Age]] <= 40 <OR> [[Score]] ?# \"5\"",
    })
    void sqlAndMemoryAgree(String expression) {
        assertThat(inSql(expression)).containsExactlyElementsOf(inMemory(expression));
    }

    @Test
    void textComparisonIgnoresCase() {
        assertThat(inSql("[[Country]] = \"fr\"")).containsExactly("ann@example.fr", "bob@example.fr", "fay@example.fr");
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(inSql("[[Country]] = \"DE\" <OR> [[Country]] = \"FR\" <AND> [[Age]] < 18"))
                .containsExactly("bob@example.fr", "cem@example.de", "fay@example.fr");
    }

    @Test
    void numbersCompareAsNumbersEvenWithSpacesAndSigns() {
        // As text " 101 " and "34" sort before "9"; as numbers they are larger.
        assertThat(inSql("[[Age]] > 9")).containsExactly("ann@example.fr", "bob@example.fr", "cem@example.de", "eve@example.co.uk");
    }

    @Test
    void aNonNumberAgainstANumberComparesAsText() {
        assertThat(inSql("[[Score]] > 1")).containsExactly("ann@example.fr", "bob@example.fr", "dee@example.com", "fay@example.fr");
    }

    @Test
    void nonAsciiLettersIgnoreCaseToo() {
        assertThat(inSql("[[Name]] #? \"é\"")).containsExactly("cem@example.de", "eve@example.co.uk");
    }

    @Test
    void aMissingFieldIsEmpty() {
        assertThat(inSql("[[Country]] = \"\"")).containsExactly("gus@example.org");
    }

    @Test
    void anUnknownFieldIsAnError() {
        assertThatThrownBy(() -> ContactFilter.parse("[[Town]] = \"x\"", list.fields()))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("[Town]");
    }

    @Test
    void aMissingOperatorSaysWhere() {
        assertThatThrownBy(() -> ContactFilter.parse("[[Age]] 18", list.fields()))
                .isInstanceOf(FilterSyntaxException.class).hasMessageContaining("character 9");
    }

    @Test
    void quotesInValuesCannotBreakOutOfTheSql() {
        assertThat(inSql("[[Name]] = \"x') OR 1=1 OR ('\"")).isEmpty();
    }

    @Test
    void countWithFilterMatchesSearch() {
        ContactFilter f = ContactFilter.parse("[[Age]] >= 18", list.fields());
        assertThat(repo.count(list.id(), f)).isEqualTo(3);
    }
}
