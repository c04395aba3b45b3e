package org.broadside.contacts;

import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.broadside.merge.Condition;
import org.broadside.merge.TemplateSyntaxException;
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

/**
 * One filter language: a merge-language condition selects the same contacts when the contacts repository runs it in
 * SQL over a real SQLite list as when {@link Condition#test} runs it in memory.
 */
class ConditionSqlTest {
    /** On this computer's store. */
    @Nested
    class OnSqlite extends Cases {
        OnSqlite() { super(StoreBackend.SQLITE); }
    }

    /** On a team store (ADR 0023): the same cases, the same answers. */
    @Nested
    class OnPostgres extends Cases {
        OnPostgres() { super(StoreBackend.POSTGRES); }
    }

    abstract static class Cases {
        private final StoreBackend backend;
        private Database store;

        Cases(StoreBackend backend) {
            this.backend = backend;
        }

        private Database open() {
            store = backend.open(TempDirs.create("ConditionSqlTest-" + backend));
            return store;
        }

        @AfterEach
        void closeStore() {
            if (store != null) store.close();
        }

        private ContactRepository repo;
        private ContactList list;

        @BeforeEach
        void fill() {
            repo = new ContactRepository(open());
            list = repo.createList("People", List.of("Country", "Age", "First  Name", "Score", "City"));
            List<Contact> contacts = new ArrayList<>();
            contacts.add(contact("ann@example.fr", "FR", "34", "Ann", "9.5", "Paris"));
            contacts.add(contact("bob@example.fr", "fr", "17", "Bob", "10", "Lyon"));
            contacts.add(contact("cem@example.de", "DE", "18", "Émile", "-3", "Zürich"));
            contacts.add(contact("dee@example.com", "US", "", "dee", "abc", ""));
            contacts.add(contact("eve@example.co.uk", "UK", " 101 ", "ÉLODIE", "1.0", "ZÜRICH"));
            contacts.add(contact("fay@example.fr", "FR", "9", "O'Brien", "+2", "Saint-Étienne"));
            contacts.add(contact("gil@example.es", "ES", "-0", "Gil", "20\t", "Málaga"));
            contacts.add(contact("hal@example.it", "IT", "0", "hal", "-2.75", "roma"));
            contacts.add(contact("ivy@example.nl", "NL", "1e3", "Ivy", ".5", "Den  Haag"));
            contacts.add(Contact.of("gus@example.org", Map.of("City", "Oslo")));
            // A key spelt unlike the list's field (case and spaces): merge reads it by its normalized name all the same.
            contacts.add(Contact.of("jo@example.fr", Map.of("country", "fr", "first name", "Jo", "AGE", "40")));
            repo.upsert(list.id(), contacts);
            list = repo.requireList("People");
        }

        private static Contact contact(String email, String country, String age, String firstName, String score, String city) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("Country", country);
            f.put("Age", age);
            f.put("First  Name", firstName);
            f.put("Score", score);
            f.put("City", city);
            return Contact.of(email, f);
        }

        private static Condition parse(String expression) {
            try {
                return Condition.parse(expression);
            } catch (TemplateSyntaxException e) {
                throw new AssertionError("unexpected syntax error: " + e.getMessage(), e);
            }
        }

        private List<String> inSql(String expression) {
            return repo.search(list.id(), parse(expression), 0, 1000).stream().map(Contact::email).toList();
        }

        private List<String> inMemory(String expression) {
            Condition condition = parse(expression);
            List<String> out = new ArrayList<>();
            repo.forEach(list.id(), c -> {
                if (condition.test(ContactLookup.of(c))) out.add(c.email());
            });
            return out;
        }

        @ParameterizedTest
        @ValueSource(strings = {
                // The four on which the two parsers of issue 14 disagreed.
                "[[First Name]] = \"Ann\"",
                "[[E-mail]] ?# \".fr\"",
                "\"20\t\" > \"9\"",
                "[[Score]] > \"9\"",
                // AND binds tighter than OR.
                "[[Country]] = \"DE\" <OR> [[Country]] = \"FR\" <AND> [[Age]] < 18",
                "[[Country]] = \"fr\" <AND> [[Age]] >= 18",
                "[[Age]] >= 18 <AND> [[Age]] <= 40 <OR> [[Score]] ?# \"5\" <OR> [[City]] = 'oslo'",
                // Every operator.
                "[[City]] = \"zürich\"", "[[City]] <> \"Zürich\"", "[[City]] * \"ü\"", "[[City]] !* \"a\"",
                "[[City]] #? \"sa\"", "[[City]] ?# \"NNE\"", "[[City]] > \"M\"", "[[City]] < \"m\"",
                "[[City]] >= \"paris\"", "[[City]] <= \"Lyon\"",
                // Empty and missing fields, empty values.
                "[[Country]] = \"\"", "[[Country]] <> \"\"", "[[City]] * \"\"", "[[City]] ?# \"\"", "[[City]] #? ''",
                "[[Nickname]] = \"\"", "[[Nickname]] < \"a\"", "[[Age]] = [[Nickname]]",
                // Numbers: decimals, negatives, signs, spaces, bare and quoted; and texts that are not numbers.
                "[[Age]] > 9", "[[Age]] > \"9\"", "[[Score]] >= 1", "[[Score]] < 0", "[[Score]] = 10.0", "[[Score]] <> 1",
                "[[Score]] <= -2.75", "[[Score]] > -3", "[[Score]] = 0.5", "[[Score]] = 2", "[[Age]] = 0", "[[Age]] = -0",
                "[[Age]] < 1000", "[[Age]] = \"1e3\"", "[[Score]] > 1", "[[Age]] > [[Score]]",
                // Accented text, case outside ASCII.
                "[[First Name]] * \"é\"", "[[First Name]] #? \"é\"", "[[First Name]] = \"élodie\"", "[[First Name]] < \"b\"",
                "[[City]] = 'SAINT-ÉTIENNE'", "[[City]] * 'den  haag'",
                // Fields on both sides, and constants alone.
                "[[First Name]] = [[First Name]]", "[[Country]] * [[Country]]", "\"a\" = \"A\"", "1 = 2",
                // A value that would break out of naive SQL.
                "[[First Name]] = \"x') OR 1=1 OR ('\"", "[[First Name]] = \"O'Brien\"",
        })
        void sqlAndMemorySelectTheSameContacts(String expression) {
            assertThat(inSql(expression)).containsExactlyElementsOf(inMemory(expression));
            assertThat(repo.count(list.id(), parse(expression))).isEqualTo(inMemory(expression).size());
        }

        @Test
        void aFieldNameMatchesWhateverItsSpacesAndCase() {
            assertThat(inSql("[[First Name]] = \"Ann\"")).containsExactly("ann@example.fr");
            assertThat(inSql("[[ first   NAME ]] = \"jo\"")).containsExactly("jo@example.fr");
        }

        @Test
        void eMailIsTheAddress() {
            assertThat(inSql("[[E-mail]] #? \"a\"")).containsExactly("ann@example.fr");
        }

        @Test
        void aNumberWithATabIsANumber() {
            assertThat(inSql("\"20\t\" > \"9\"")).hasSize(11);
            assertThat(inSql("[[Score]] > 19 <AND> [[Score]] < 100")).containsExactly("gil@example.es");
        }

        @Test
        void aBareAndIsASyntaxErrorThatSaysHowToWriteIt() {
            assertThatThrownBy(() -> Condition.parse("[[Country]] = \"FR\" AND [[Age]] >= 18"))
                    .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("<AND>");
        }

        @Test
        void textComparisonIgnoresCaseOutsideAsciiToo() {
            assertThat(inSql("[[City]] = \"zürich\"")).containsExactly("cem@example.de", "eve@example.co.uk");
        }

        @Test
        void numbersCompareAsNumbersEvenWithSpacesAndSigns() {
            // As text " 101 " and "34" sort before "9"; as numbers they are larger.
            assertThat(inSql("[[Age]] > 9")).containsExactly("ann@example.fr", "bob@example.fr", "cem@example.de",
                    "eve@example.co.uk", "jo@example.fr");
        }

        @Test
        void minusZeroEqualsZero() {
            assertThat(inSql("[[Age]] = 0")).containsExactly("gil@example.es", "hal@example.it");
        }

        @Test
        void aMissingFieldIsEmpty() {
            assertThat(inSql("[[Country]] = \"\"")).containsExactly("gus@example.org");
        }

        @Test
        void theFilteredWalkAndStreamSelectWhatTheSearchDoes() {
            Condition c = parse("[[Country]] = \"FR\" <OR> [[City]] * \"ü\"");
            List<String> walked = new ArrayList<>();
            repo.forEach(list.id(), c, contact -> walked.add(contact.email()));
            try (var s = repo.stream(list.id(), c)) {
                assertThat(s.map(Contact::email).toList()).isEqualTo(walked);
            }
            assertThat(walked).containsExactlyElementsOf(inMemory("[[Country]] = \"FR\" <OR> [[City]] * \"ü\""));
        }

        @Test
        void copyAndMoveTakeTheFilteredContacts() {
            ContactList other = repo.createList("Other", List.of());
            long n = repo.copy(list.id(), other.id(), parse("[[City]] * \"ü\""), true);
            assertThat(n).isEqualTo(2);
            assertThat(inSql("[[City]] * \"ü\"")).isEmpty();
            assertThat(repo.count(other.id())).isEqualTo(2);
        }
    }
}
