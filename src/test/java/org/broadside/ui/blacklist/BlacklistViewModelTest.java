package org.broadside.ui.blacklist;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlacklistViewModelTest {
    @TempDir Path dir;
    private BlacklistRepository repo;
    private BlacklistViewModel vm;

    @BeforeEach
    void setUp() {
        repo = new BlacklistRepository(Database.open(dir));
        vm = new BlacklistViewModel(repo, new SameThreadRunner());
        vm.refresh();
    }

    @Test
    void addsAnAddressAndAWholeDomainThatThenMatch() {
        vm.newEntryProperty().set("Spam@Example.com");
        vm.add();
        vm.newEntryProperty().set("@junk.example");
        vm.reasonProperty().set("complaints");
        vm.add();
        assertThat(vm.shown()).extracting(e -> e.entry()).containsExactlyInAnyOrder("spam@example.com", "@junk.example");
        assertThat(repo.snapshot().match("anyone@junk.example")).isNotNull();
        assertThat(vm.newEntryProperty().get()).isEmpty();
    }

    @Test
    void theCountSaysEntryForOne() {
        repo.add("ada@example.com", "added by hand", "desktop");
        vm.refresh();
        assertThat(vm.statusProperty().get()).isEqualTo("1 entry");
        repo.add("@example.org", "added by hand", "desktop");
        vm.refresh();
        assertThat(vm.statusProperty().get()).isEqualTo("2 entries");
    }

    @Test
    void refusesTextThatIsNeitherAnAddressNorADomain() {
        vm.newEntryProperty().set("example.com");
        vm.add();
        assertThat(vm.statusProperty().get()).startsWith("Type an address");
        assertThat(vm.shown()).isEmpty();
    }

    @Test
    void searchAndRemove() {
        repo.add("a@example.com", "bounced", "test");
        repo.add("b@example.com", "asked", "test");
        vm.refresh();
        vm.searchProperty().set("bounced");
        assertThat(vm.shown()).hasSize(1);
        vm.remove(List.copyOf(vm.shown()));
        vm.searchProperty().set("");
        assertThat(vm.shown()).extracting(e -> e.entry()).containsExactly("b@example.com");
    }

    @Test
    void importsAFileThenExportsWhatIsThere() throws Exception {
        Path file = dir.resolve("import.txt");
        java.nio.file.Files.writeString(file, "a@example.com\nnot-an-address\n@junk.example\n");
        vm.importFile(file);
        assertThat(vm.statusProperty().get()).isEqualTo("2 added from import.txt, 0 already there, 1 invalid.");
        assertThat(vm.reportProperty().get()).contains("line 2: ");
        assertThat(vm.shown()).extracting(e -> e.entry()).containsExactlyInAnyOrder("a@example.com", "@junk.example");

        Path out = dir.resolve("out.csv");
        vm.exportFile(out);
        assertThat(vm.statusProperty().get()).isEqualTo("2 entries saved as out.csv.");
        assertThat(java.nio.file.Files.readAllLines(out)).hasSize(3);
    }

    @Test
    void aFileThatCannotBeReadIsNamedAndNothingChanges() {
        vm.importFile(dir.resolve("missing.csv"));
        assertThat(vm.statusProperty().get()).startsWith("The file could not be imported: ");
        assertThat(vm.shown()).isEmpty();
    }
}
