package org.broadside.ui.lists;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.HeldRunner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list made with New list… is the one shown afterwards, and Add field… answers for a field the list has. The store's
 * "lists changed" event re-read the lists while the new one was being made, and that read, begun with the old list
 * chosen, put it back: the user saw the old list's contacts, and Add contact… added to it.
 */
class NewListIsChosenTest {
    @Test
    void theNewListStaysChosenWhenARereadOfTheListsEndsAfterIt() {
        ContactRepository contacts = new ContactRepository(Database.open(TempDirs.create("new-list")));
        contacts.createList("Sample contacts", List.of("First Name"));
        HeldRunner runner = new HeldRunner();
        ListManagerViewModel vm = new ListManagerViewModel(contacts, runner);
        vm.refreshLists();
        runner.finish(0);
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Sample contacts");
        int before = runner.held.size();

        vm.createList("VIP", List.of());
        vm.refreshLists(); // the event of the store, on its way while the list is made
        runner.finish(before);     // the list is made, and chosen
        runner.finish(before + 1); // the re-read ends after it

        ContactList shown = vm.selectedProperty().get();
        assertThat(shown.name()).isEqualTo("VIP");
    }

    @Test
    void aFieldTheListHasAlreadyIsSaidSo() {
        ContactRepository contacts = new ContactRepository(Database.open(TempDirs.create("add-field")));
        contacts.createList("Members", List.of("First Name"));
        ListManagerViewModel vm = new ListManagerViewModel(contacts, new org.broadside.ui.common.SameThreadRunner());
        vm.refreshLists();
        vm.addField("first name");
        assertThat(vm.statusProperty().get()).isEqualTo("\"first name\" is already a field of Members.");
        vm.addField("Email");
        assertThat(vm.statusProperty().get()).isEqualTo("\"Email\" is already a field of Members.");
    }
}
