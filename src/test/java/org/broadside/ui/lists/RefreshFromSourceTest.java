package org.broadside.ui.lists;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.imports.SavedSources;
import org.broadside.contacts.imports.SourceConfig;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Refresh from saved source" in the list manager: a saved CSV source re-run after the file changed. */
class RefreshFromSourceTest {
    private final Path dir = TempDirs.create("refresh-source");
    private final Database db = Database.open(dir);
    private final ContactRepository contacts = new ContactRepository(db);
    private final ListManagerViewModel vm = new ListManagerViewModel(contacts, new SameThreadRunner());

    @Test
    void reRunsTheSavedSourceAndShowsItsReport() throws Exception {
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, "email,First Name\nann@example.com,Ann\nbob@example.com,Bob\n");
        ContactList list = contacts.createList("Members", List.of("First Name"));
        new SavedSources(db).save("members file", list.id(), SourceConfig.file(csv.toString(), null, null));
        vm.refreshLists();
        List<String> names = new ArrayList<>();
        vm.loadSavedSources(names::addAll);
        assertThat(names).containsExactly("members file");

        vm.refreshFromSources();
        assertThat(vm.rows()).hasSize(2);
        Files.writeString(csv, "email,First Name\nann@example.com,Anne\nbob@example.com,Bob\ncy@example.com,Cy\n");
        vm.refreshFromSources();
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.reportProperty().get()).startsWith("Source \"members file\": ").contains("members.csv");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(new SavedSources(db).forList(list.id()).get(0).lastRunAt()).isNotNull();
    }

    @Test
    void aListWithoutSavedSourceSaysHowToSaveOne() {
        contacts.createList("Plain", List.of());
        vm.refreshLists();
        vm.refreshFromSources();
        assertThat(vm.statusProperty().get()).contains("has no saved source").contains("Save this source as");
    }
}
