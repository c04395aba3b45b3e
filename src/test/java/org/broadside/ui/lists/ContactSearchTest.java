package org.broadside.ui.lists;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The list manager's search, run by SQLite over a real store: "zoe" finds "Zoë". */
class ContactSearchTest {
    @Test
    void searchIgnoresCaseAndAccentsInTheDatabase() {
        ContactRepository contacts = new ContactRepository(Database.open(TempDirs.create("accents")));
        ListManagerViewModel vm = new ListManagerViewModel(contacts, new SameThreadRunner());
        ContactList names = contacts.createList("Accents", List.of("Name"));
        contacts.upsert(names.id(), List.of(Contact.of("zoe@example.com", Map.of("Name", "Zoë Durand")),
                Contact.of("hans@example.com", Map.of("Name", "Hans Müller")),
                Contact.of("zola@example.com", Map.of("Name", "Émile Zola")),
                Contact.of("star@example.com", Map.of("Name", "a*b 50%")),
                Contact.of("upper@example.com", Map.of("Name", "ÉLODIE")),
                Contact.of("percent@example.com", Map.of("Name", "500"))));
        vm.refreshLists();
        vm.selectedProperty().set(vm.lists().stream().filter(l -> l.id() == names.id()).findFirst().orElseThrow());
        vm.searchProperty().set("zoe");
        assertThat(vm.rows()).extracting(r -> r.contact().email()).containsExactly("zoe@example.com");
        vm.searchProperty().set("ZOË");
        assertThat(vm.rows()).extracting(r -> r.contact().email()).containsExactly("zoe@example.com");
        vm.searchProperty().set("muller");
        assertThat(vm.rows()).extracting(r -> r.contact().email()).containsExactly("hans@example.com");
        vm.searchProperty().set("emile");
        assertThat(vm.rows()).extracting(r -> r.contact().email()).containsExactly("zola@example.com");
        vm.searchProperty().set("a*b");
        assertThat(vm.rows()).extracting(r -> r.contact().email()).containsExactly("star@example.com");
        vm.searchProperty().set("50%");
        assertThat(vm.rows()).as("a % typed is a %, not a wildcard").extracting(r -> r.contact().email()).containsExactly("star@example.com");
        vm.searchProperty().set("élodie");
        assertThat(vm.rows()).extracting(r -> r.contact().email()).containsExactly("upper@example.com");
        vm.searchProperty().set("EXAMPLE.COM");
        assertThat(vm.rows()).hasSize(6);
    }

}
