package org.broadside.ui.lists;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding, editing, deleting and blacklisting contacts from the list manager, over a real store. */
class ContactEditingTest {
    private ContactRepository contacts;
    private BlacklistRepository blacklist;
    private ListManagerViewModel vm;
    private ContactList list;

    @BeforeEach
    void setUp() {
        Database db = Database.open(TempDirs.create("contact-editing"));
        contacts = new ContactRepository(db);
        blacklist = new BlacklistRepository(db);
        list = contacts.createList("Members", List.of("First Name", "City"));
        contacts.upsert(list.id(), List.of(Contact.of("ann@example.com", Map.of("First Name", "Ann", "City", "Lyon")),
                Contact.of("bob@example.com", Map.of("First Name", "Bob", "City", "Paris"))));
        vm = new ListManagerViewModel(contacts, new SameThreadRunner());
        vm.useBlacklist(blacklist);
        vm.refreshLists();
    }

    private Contact row(int i) {
        return vm.rows().get(i).contact();
    }

    @Test
    void editingTheAddressChangesThatContactInsteadOfAddingOne() {
        Contact ann = row(0);
        vm.save(new Contact(ann.id(), "ann.new@example.com", Map.of("First Name", "Anne", "City", "Lyon")));
        assertThat(vm.rows()).hasSize(2);
        assertThat(row(0).id()).isEqualTo(ann.id());
        assertThat(row(0).email()).isEqualTo("ann.new@example.com");
        assertThat(row(0).fields()).containsEntry("First Name", "Anne");
        assertThat(vm.statusProperty().get()).startsWith("Saved ann.new@example.com.");
    }

    @Test
    void aNewContactIsAddedAndABadAddressIsRefusedWithTheReason() {
        vm.save(Contact.of("cy@example.com", Map.of("First Name", "Cy")));
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.statusProperty().get()).startsWith("Added cy@example.com.");

        vm.save(Contact.of("not an address@", Map.of()));
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.statusProperty().get()).startsWith("This address cannot receive mail: ");
        assertThat(ListManagerViewModel.addressProblem("")).isEqualTo("Type the contact's e-mail address.");
        assertThat(ListManagerViewModel.addressProblem("zoe@example.com")).isNull();
    }

    @Test
    void anEditOfAContactSomebodyElseChangedMeanwhileIsRefusedAndTheListShowsTheirVersion() {
        Contact opened = row(0);
        // Another window (or computer on a team store) saves Ann while this one has her open in the dialog.
        contacts.update(opened, new Contact(opened.id(), "ann@example.com", Map.of("First Name", "Annie", "City", "Lyon")));

        vm.save(opened, new Contact(opened.id(), "ann@example.com", Map.of("First Name", "Ann", "City", "Nice")));

        assertThat(vm.statusProperty().get()).startsWith("Somebody else changed ann@example.com").contains("Your changes were not saved");
        assertThat(row(0).fields()).as("their version, read again").containsEntry("First Name", "Annie").containsEntry("City", "Lyon");
    }

    @Test
    void anEditToAnAddressAnotherContactHasIsRefusedAndNothingChanges() {
        Contact ann = row(0);
        vm.save(new Contact(ann.id(), "bob@example.com", ann.fields()));
        assertThat(vm.statusProperty().get()).contains("already has the address bob@example.com");
        assertThat(row(0).email()).isEqualTo("ann@example.com");
    }

    @Test
    void deletingAsksWithTheCountAndSaysHowManyWent() {
        List<Contact> both = List.of(row(0), row(1));
        assertThat(ListManagerViewModel.deleteQuestion(both)).isEqualTo("Delete these 2 contacts from the list?");
        assertThat(ListManagerViewModel.deleteQuestion(List.of(row(0)))).isEqualTo("Delete ann@example.com from the list?");
        vm.delete(both);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("2 contacts deleted.");
    }

    @Test
    void addToBlacklistKeepsTheContactsAndBlocksTheirAddresses() {
        vm.addToBlacklist(List.of(row(0)));
        vm.addToBlacklist(List.of(row(0), row(1)));
        assertThat(vm.statusProperty().get()).isEqualTo("1 address added to the blacklist (1 already there).");
        assertThat(blacklist.snapshot().match("ann@example.com")).isNotNull();
        assertThat(blacklist.snapshot().match("bob@example.com")).isNotNull();
        assertThat(vm.rows()).hasSize(2);
    }

    @Test
    void copyAndMailtoCarryEveryChosenAddress() {
        List<Contact> both = List.of(row(0), row(1));
        assertThat(ListManagerViewModel.addresses(both)).isEqualTo("ann@example.com\nbob@example.com");
        assertThat(ListManagerViewModel.mailto(both).toString()).isEqualTo("mailto:ann@example.com,bob@example.com");
    }

    @Test
    void deletingTheListAsksWithItsSizeAndShowsTheNextList() {
        ContactList other = contacts.createList("Another", List.of());
        vm.refreshLists();
        vm.selectedProperty().set(vm.lists().stream().filter(l -> l.id() == list.id()).findFirst().orElseThrow());
        assertThat(vm.deleteListQuestion()).startsWith("Delete the list \"Members\" and its 2 contacts?");
        vm.deleteList();
        assertThat(contacts.findList("Members")).isEmpty();
        assertThat(vm.selectedProperty().get().id()).isEqualTo(other.id());
        assertThat(vm.statusProperty().get()).startsWith("Deleted the list \"Members\".");
    }
}
