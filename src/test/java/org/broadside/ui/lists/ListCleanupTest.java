package org.broadside.ui.lists;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListCleanupTest {
    @TempDir Path dir;
    private ContactRepository contacts;
    private ListManagerViewModel vm;

    @BeforeEach
    void setUp() {
        contacts = new ContactRepository(Database.open(dir));
        var list = contacts.createList("Dirty", List.of("Name"));
        contacts.upsert(list.id(), List.of(Contact.of("ann@example.com", Map.of("Name", "Ann")),
                Contact.of("ann@example.com.", Map.of("Name", "Ann again")),
                Contact.of("info@example.com", Map.of())));
        vm = new ListManagerViewModel(contacts, new SameThreadRunner());
        vm.refreshLists();
    }

    @Test
    void removingDuplicatesReportsAndShrinksTheTable() {
        assertThat(vm.rows()).hasSize(3);
        vm.deduplicate();
        assertThat(vm.reportProperty().get()).isEqualTo("1 duplicate(s) removed from Dirty.");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void validatingWithoutDnsReportsRoleAddresses() {
        vm.validate(false, false);
        assertThat(vm.reportProperty().get()).contains("checked            3").contains("role addresses     1");
        assertThat(vm.rows()).hasSize(3);
    }
}
