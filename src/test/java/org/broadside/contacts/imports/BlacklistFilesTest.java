package org.broadside.contacts.imports;

import org.broadside.contacts.BlacklistRepository;

import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Blacklist files: import with its report, and an export that import reads back into another store. */
class BlacklistFilesTest {
    private final Path dir = TempDirs.create("blacklist-files");

    @Test
    void importReportsAddedAlreadyThereAndInvalidLinesByNumber() throws Exception {
        BlacklistRepository blacklist = new BlacklistRepository(Database.open(dir.resolve("a")));
        blacklist.add("old@example.com", "by hand", "test");
        Path file = dir.resolve("list.csv");
        Files.writeString(file, "Email,Note\nnew@example.com,x\nOLD@example.com,y\nnot an address,z\n@junk.example,w\n");
        var r = new BlacklistFiles(blacklist).importFile(file, null);
        assertThat(r.read()).isEqualTo(4);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.alreadyThere()).isEqualTo(1);
        assertThat(r.problems()).hasSize(1).first().asString().startsWith("line 4: ").endsWith("(not an address)");
        assertThat(blacklist.snapshot().match("anyone@junk.example")).isNotNull();
        assertThat(blacklist.entries()).filteredOn(e -> e.entry().equals("new@example.com")).first()
                .extracting(BlacklistRepository.BlacklistEntry::reason).isEqualTo("imported from list.csv");
        assertThat(r.format(file.getFileName(), 10)).contains("added       2").contains("  line 4: ");
    }

    @Test
    void aPlainListWithoutHeaderCountsItsFirstLine() throws Exception {
        BlacklistRepository blacklist = new BlacklistRepository(Database.open(dir.resolve("b")));
        Path file = dir.resolve("plain.txt");
        Files.writeString(file, "a@example.com\nb@example.com\n");
        var r = new BlacklistFiles(blacklist).importFile(file, "complaints");
        assertThat(r.added()).isEqualTo(2);
        assertThat(blacklist.entries()).allSatisfy(e -> assertThat(e.reason()).isEqualTo("complaints"));
    }

    @Test
    void anExportImportsBackIntoAnotherStore() throws Exception {
        BlacklistRepository from = new BlacklistRepository(Database.open(dir.resolve("c")));
        from.add("a@example.com", "asked, by phone", "test");
        from.add("@junk.example", "=cmd()", "test");
        Path file = dir.resolve("export.csv");
        assertThat(new BlacklistFiles(from).exportFile(file)).isEqualTo(2);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("Email,Reason,Source,Added");
        assertThat(Files.readString(file)).contains("\"asked, by phone\"").contains("'=cmd()");

        BlacklistRepository to = new BlacklistRepository(Database.open(dir.resolve("d")));
        var r = new BlacklistFiles(to).importFile(file, null);
        assertThat(r.added()).isEqualTo(2);
        assertThat(r.problems()).isEmpty();
        assertThat(to.entries()).extracting(BlacklistRepository.BlacklistEntry::entry).containsExactly("@junk.example", "a@example.com");
    }
}
