package org.broadside.contacts;

import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.broadside.store.StoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Adding, editing, deleting contacts and fields; moving and copying between lists. */
class ContactEditingTest {
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
            store = backend.open(TempDirs.create("ContactEditingTest-" + backend));
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
            list = repo.createList("Main", List.of("First Name", "City"));
            repo.upsert(list.id(), List.of(Contact.of("a@example.com", Map.of("First Name", "Al", "City", "Rome")),
                    Contact.of("b@example.com", Map.of("First Name", "Bo", "City", "Oslo"))));
        }

        @Test
        void anAddressDifferingOnlyInCaseIsRefused() {
            assertThatThrownBy(() -> repo.add(list.id(), Contact.of("A@Example.COM", Map.of())))
                    .isInstanceOf(StoreException.class).hasMessageContaining("already has the address");
        }

        @Test
        void addingAContactWithANewFieldAddsTheFieldToTheList() {
            repo.add(list.id(), Contact.of("c@example.com", Map.of("Phone", "123")));

            assertThat(repo.requireList("Main").fields()).containsExactly("First Name", "City", "Phone");
        }

        @Test
        void editingChangesAddressAndValues() {
            Contact a = repo.find(list.id(), "a@example.com").orElseThrow();

            repo.update(new Contact(a.id(), "al@example.com", Map.of("First Name", "Alan", "City", "Rome")));

            assertThat(repo.find(list.id(), "a@example.com")).isEmpty();
            assertThat(repo.find(list.id(), "al@example.com").orElseThrow().fields()).containsEntry("First Name", "Alan");
        }

        @Test
        void theSecondOfTwoPeopleEditingOneContactIsRefusedAndTheFirstEditStays() {
            // Both opened Al; one computer saves first, the other's save must not overwrite it unseen.
            Contact opened = repo.find(list.id(), "a@example.com").orElseThrow();
            ContactRepository otherComputer = new ContactRepository(store);
            otherComputer.update(opened, new Contact(opened.id(), "a@example.com", Map.of("First Name", "Alice", "City", "Rome")));

            assertThatThrownBy(() -> repo.update(opened, new Contact(opened.id(), "a@example.com", Map.of("First Name", "Al", "City", "Paris"))))
                    .isInstanceOf(ContactChangedException.class)
                    .hasMessageContaining("Somebody else changed a@example.com")
                    .hasMessageContaining("Your changes were not saved");
            assertThat(repo.find(list.id(), "a@example.com").orElseThrow().fields()).containsEntry("First Name", "Alice").containsEntry("City", "Rome");

            // Edited again from what is stored now, it saves.
            Contact now = repo.find(list.id(), "a@example.com").orElseThrow();
            repo.update(now, new Contact(now.id(), "a@example.com", Map.of("First Name", "Alice", "City", "Paris")));
            assertThat(repo.find(list.id(), "a@example.com").orElseThrow().fields()).containsEntry("City", "Paris");
        }

        @Test
        void savingAContactSomebodyDeletedMeanwhileSaysSoAndAddsNothing() {
            Contact opened = repo.find(list.id(), "a@example.com").orElseThrow();
            repo.delete(List.of(opened.id()));

            assertThatThrownBy(() -> repo.update(opened, new Contact(opened.id(), "a@example.com", Map.of("First Name", "Al"))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Somebody deleted a@example.com");
            assertThat(repo.count(list.id())).isEqualTo(1);
        }

        @Test
        void aFieldAddedToTheListAfterTheContactWasOpenedIsNoConflict() {
            Contact opened = repo.find(list.id(), "b@example.com").orElseThrow();
            repo.addField(list.id(), "Phone");

            repo.update(opened, new Contact(opened.id(), "b@example.com", Map.of("First Name", "Bob", "City", "Oslo")));
            assertThat(repo.find(list.id(), "b@example.com").orElseThrow().fields()).containsEntry("First Name", "Bob");
        }

        @Test
        void deletingContactsByIdRemovesOnlyThem() {
            Contact a = repo.find(list.id(), "a@example.com").orElseThrow();

            assertThat(repo.delete(List.of(a.id()))).isEqualTo(1);
            assertThat(repo.count(list.id())).isEqualTo(1);
        }

        @Test
        void renamingAFieldRenamesItInEveryContact() {
            repo.renameField(list.id(), "city", "Town");

            assertThat(repo.requireList("Main").fields()).containsExactly("First Name", "Town");
            assertThat(repo.find(list.id(), "b@example.com").orElseThrow().fields()).isEqualTo(Map.of("First Name", "Bo", "Town", "Oslo"));
        }

        @Test
        void deletingAFieldRemovesItsValues() {
            repo.deleteField(list.id(), "City");

            assertThat(repo.requireList("Main").fields()).containsExactly("First Name");
            assertThat(repo.find(list.id(), "b@example.com").orElseThrow().fields()).isEqualTo(Map.of("First Name", "Bo"));
        }

        @Test
        void renamingOrDeletingAFieldTheListDoesNotHaveSaysSoAndChangesNothing() {
            assertThatThrownBy(() -> repo.renameField(list.id(), "Country", "Land"))
                    .isInstanceOf(StoreException.class).hasMessage("The list has no field named \"Country\".");
            assertThatThrownBy(() -> repo.deleteField(list.id(), "Country"))
                    .isInstanceOf(StoreException.class).hasMessage("The list has no field named \"Country\".");

            assertThat(repo.requireList("Main").fields()).containsExactly("First Name", "City");
            assertThat(repo.find(list.id(), "a@example.com").orElseThrow().fields()).containsEntry("City", "Rome");
        }

        @Test
        void copyingAFilteredSelectionKeepsTheSourceAndMergesIntoTheTarget() throws Exception {
            ContactList other = repo.createList("Other", List.of("Phone"));
            repo.upsert(other.id(), List.of(Contact.of("B@example.com", Map.of("Phone", "555"))));

            long n = repo.copy(list.id(), other.id(), org.broadside.merge.Condition.parse("[[City]] = \"oslo\""), false);

            assertThat(n).isEqualTo(1);
            assertThat(repo.count(list.id())).isEqualTo(2);
            assertThat(repo.find(other.id(), "b@example.com").orElseThrow().fields())
                    .isEqualTo(Map.of("Phone", "555", "First Name", "Bo", "City", "Oslo"));
            assertThat(repo.requireList("Other").fields()).containsExactly("Phone", "First Name", "City");
        }

        @Test
        void movingTakesContactsOutOfTheSource() {
            ContactList other = repo.createList("Other", List.of());

            repo.copy(list.id(), other.id(), null, true);

            assertThat(repo.count(list.id())).isZero();
            assertThat(repo.count(other.id())).isEqualTo(2);
        }

        @Test
        void deletingAListDeletesItsContacts() {
            repo.deleteList(list.id());

            assertThat(repo.findList("Main")).isEmpty();
            long left = repo.database().read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM contacts")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(left).isZero();
        }

        @Test
        void withinListDedupeCatchesInvisibleDifferencesAndKeepsTheEarliestWithMergedValues() {
            repo.upsert(list.id(), List.of(Contact.of("a@example.com.", Map.of("Phone", "1")),
                    Contact.of("mailto:A@EXAMPLE.COM", Map.of("First Name", "Other")),
                    Contact.of("b\u200B@example.com", Map.of())));

            long removed = new Deduplicator(repo).withinList(list.id());

            assertThat(removed).isEqualTo(3);
            assertThat(repo.count(list.id())).isEqualTo(2);
            assertThat(repo.find(list.id(), "a@example.com").orElseThrow().fields())
                    .containsEntry("First Name", "Al").containsEntry("Phone", "1");
        }

        @Test
        void acrossListsAnAddressStaysOnlyInTheFirstList() {
            ContactList second = repo.createList("Second", List.of());
            ContactList third = repo.createList("Third", List.of());
            repo.upsert(second.id(), List.of(Contact.of("A@example.com", Map.of()), Contact.of("x@example.com", Map.of())));
            repo.upsert(third.id(), List.of(Contact.of("x@example.com", Map.of()), Contact.of("b@example.com", Map.of()),
                    Contact.of("y@example.com", Map.of())));

            Map<Long, Long> removed = new Deduplicator(repo).acrossLists(List.of(list.id(), second.id(), third.id()));

            assertThat(removed).containsEntry(second.id(), 1L).containsEntry(third.id(), 2L);
            assertThat(repo.count(list.id())).isEqualTo(2);
            assertThat(repo.count(third.id())).isEqualTo(1);
        }
    }
}
