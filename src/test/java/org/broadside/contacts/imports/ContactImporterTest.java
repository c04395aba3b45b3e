package org.broadside.contacts.imports;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.support.TestStores;
import org.broadside.store.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactImporterTest {
    @TempDir
    Path dir;
    private Database db;
    private ContactRepository repo;

    @BeforeEach
    void store() {
        db = TestStores.fresh();
        repo = new ContactRepository(db);
    }

    private ImportReport importCsv(String list, String csv) throws IOException {
        Path f = Files.writeString(dir.resolve("in" + System.nanoTime() + ".csv"), csv);
        try (ContactSource source = FileSources.open(f, null)) {
            return new ContactImporter(db).importInto(list, source, ColumnMapping.automatic(source.columns()),
                    ImportOptions.defaults(), ImportProgress.NONE);
        }
    }

    @Test
    void reportCountsEveryRowExactlyOnce() throws IOException {
        new BlacklistRepository(db).add("@spam.example", "test", "test");
        ImportReport report = importCsv("News", "E-mail,First Name\n"
                + "a@example.com,Al\n"
                + "A@EXAMPLE.com,Al again\n"
                + "not-an-address,Nope\n"
                + ",Nobody\n"
                + "x@spam.example,Spammer\n"
                + "mailto:b@example.com,Bo\n"
                + "Cy <c@example.com>,Cy\n");

        assertThat(report.read()).isEqualTo(7);
        assertThat(report.added()).isEqualTo(3);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.invalid()).isEqualTo(2);
        assertThat(report.blacklisted()).isEqualTo(1);
        assertThat(report.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "no @"), org.assertj.core.groups.Tuple.tuple(5L, "no address"));
        assertThat(report.format()).contains("line 4: no @ (not-an-address)");
        ContactList list = repo.requireList("News");
        assertThat(list.fields()).containsExactly("First Name");
        assertThat(repo.find(list.id(), "b@example.com").orElseThrow().email()).isEqualTo("b@example.com");
    }

    @Test
    void aStrayQuoteThatSwallowsTheNextLinesIsNamedAsSuch() throws IOException {
        ImportReport report = importCsv("News", "email,first_name,city\n"
                + "ann@example.com,Ann,Paris\n"
                + "\"carl@example.com,Carl,Nice\n"
                + "dora@example.com,Dora,\"Saint \"\"Malo\"\"\"\n"
                + "eve@example.com,Eve,Brest\n");

        assertThat(report.added()).isEqualTo(2);
        assertThat(report.problems()).extracting(ImportReport.Problem::line, ImportReport.Problem::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, ContactImporter.ADDRESS_OVER_LINES));
        assertThat(report.format()).contains("line 3: the address runs over several lines: a quote (\") on this line");
    }

    @Test
    void reimportingUpdatesChangedRowsAndCountsUnchangedOnes() throws IOException {
        importCsv("News", "Email,Name,City\na@example.com,Al,Rome\nb@example.com,Bo,Oslo\n");

        ImportReport second = importCsv("News", "Email,Name\na@example.com,Alan\nb@example.com,Bo\nc@example.com,Cy\n");

        assertThat(second.added()).isEqualTo(1);
        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(1);
        long id = repo.requireList("News").id();
        // A column the new file lacks keeps its value: an import never erases what it does not mention.
        assertThat(repo.find(id, "a@example.com").orElseThrow().fields()).containsEntry("Name", "Alan").containsEntry("City", "Rome");
    }

    @Test
    void fieldNamesFollowTheListsSpellingWhateverTheFileCase() throws IOException {
        importCsv("News", "Email,First Name\na@example.com,Al\n");
        importCsv("News", "Email,FIRST NAME\nb@example.com,Bo\n");

        ContactList list = repo.requireList("News");
        assertThat(list.fields()).containsExactly("First Name");
        assertThat(repo.find(list.id(), "b@example.com").orElseThrow().fields()).containsEntry("First Name", "Bo");
    }

    @Test
    void aFailureHalfwayLeavesTheListAsItWas() throws IOException {
        importCsv("News", "Email,Name\nkeep@example.com,Original\n");
        ContactSource failing = new ContactSource() {
            int n;

            @Override
            public List<String> columns() { return List.of("Email", "Name"); }

            @Override
            public SourceRow next() {
                if (++n > 5000) throw new ImportException("The file could not be read to the end: disk error.");
                return SourceRow.of(n, List.of(n == 1 ? "keep@example.com" : "u" + n + "@example.com", "Changed"));
            }

            @Override
            public void close() { }
        };

        assertThatThrownBy(() -> new ContactImporter(db).importInto("News", failing, ColumnMapping.automatic(failing.columns()),
                ImportOptions.defaults(), ImportProgress.NONE)).isInstanceOf(ImportException.class);

        long id = repo.requireList("News").id();
        assertThat(repo.count(id)).isEqualTo(1);
        assertThat(repo.find(id, "keep@example.com").orElseThrow().fields()).containsEntry("Name", "Original");
    }

    /** A source of generated rows that runs an action when it reaches a given row. */
    private static ContactSource generated(int rows, int at, Runnable action) {
        return new ContactSource() {
            int n;

            @Override
            public List<String> columns() { return List.of("Email", "Name"); }

            @Override
            public SourceRow next() {
                if (n == rows) return null;
                if (++n == at) action.run();
                return SourceRow.of(n, List.of(n == 1 ? "keep@example.com" : "u" + n + "@example.com", "Changed"));
            }

            @Override
            public void close() { }
        };
    }

    @Test
    void aCancelWhileBatchesAreBeingWrittenLeavesTheListAsItWas() throws IOException {
        importCsv("News", "Email,Name\nkeep@example.com,Original\n");
        // Rows are written on the importer's own thread: the cancel reaches the reading thread with batches in flight.
        ContactSource source = generated(50_000, 9_000, () -> Thread.currentThread().interrupt());

        try {
            assertThatThrownBy(() -> new ContactImporter(db).importInto("News", source,
                    ColumnMapping.automatic(source.columns()), ImportOptions.defaults(), ImportProgress.NONE))
                    .isInstanceOf(ImportException.class).hasMessageContaining("cancelled");
        } finally {
            Thread.interrupted();
        }

        long id = repo.requireList("News").id();
        assertThat(repo.count(id)).isEqualTo(1);
        assertThat(repo.find(id, "keep@example.com").orElseThrow().fields()).containsEntry("Name", "Original");
    }

    @Test
    void aDatabaseErrorOnTheWritingThreadRollsBackAndIsReported() throws Exception {
        importCsv("News", "Email,Name\nkeep@example.com,Original\n");
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER refuse_one BEFORE INSERT ON contacts WHEN NEW.email = 'u7001@example.com' "
                    + "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        }
        ContactSource source = generated(20_000, -1, () -> { });

        assertThatThrownBy(() -> new ContactImporter(db).importInto("News", source,
                ColumnMapping.automatic(source.columns()), ImportOptions.defaults(), ImportProgress.NONE))
                .isInstanceOf(org.broadside.store.StoreException.class).hasMessageContaining("refused by the test");

        long id = repo.requireList("News").id();
        assertThat(repo.count(id)).isEqualTo(1);
        assertThat(repo.find(id, "keep@example.com").orElseThrow().fields()).containsEntry("Name", "Original");
    }

    @Test
    void manyBatchesArriveCompleteAndInOrder() {
        ContactSource source = generated(12_345, -1, () -> { });

        ImportReport report = new ContactImporter(db).importInto("Big", source, ColumnMapping.automatic(source.columns()),
                ImportOptions.defaults(), ImportProgress.NONE);

        assertThat(report.added()).isEqualTo(12_345);
        long id = repo.requireList("Big").id();
        List<String> emails = new java.util.ArrayList<>();
        repo.forEach(id, contact -> emails.add(contact.email()));
        assertThat(emails).hasSize(12_345);
        assertThat(emails.get(0)).isEqualTo("keep@example.com");
        assertThat(emails.get(12_344)).isEqualTo("u12345@example.com");
        for (int i = 1; i < emails.size(); i++) assertThat(emails.get(i)).isEqualTo("u" + (i + 1) + "@example.com");
    }

    @Test
    void aFailedImportIntoANewListLeavesNoList() {
        ContactSource failing = new ContactSource() {
            @Override
            public List<String> columns() { return List.of("Email"); }

            @Override
            public SourceRow next() { throw new ImportException("broken"); }

            @Override
            public void close() { }
        };

        assertThatThrownBy(() -> new ContactImporter(db).importInto("Fresh", failing, ColumnMapping.automatic(failing.columns()),
                ImportOptions.defaults(), ImportProgress.NONE)).isInstanceOf(ImportException.class);
        assertThat(repo.findList("Fresh")).isEmpty();
    }

    @Test
    void internationalDomainsAreComparedInPunycode() throws IOException {
        ImportReport report = importCsv("Intl", "Email\nJosé@Bücher.example\njosé@xn--bcher-kva.example\n");

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(1);
    }

    @Test
    void removeMissingRefusesAnEmptySource() throws IOException {
        importCsv("News", "Email\na@example.com\n");
        Path empty = Files.writeString(dir.resolve("header-only.csv"), "Email\n");

        assertThatThrownBy(() -> new SourceRunner(db, java.util.Map.of()).run("News",
                SourceConfig.file(empty.toString(), null, null), new ImportOptions(true, true), ImportProgress.NONE))
                .isInstanceOf(ImportException.class).hasMessageContaining("no contact was removed");
        assertThat(repo.count(repo.requireList("News").id())).isEqualTo(1);
    }

    @Test
    void progressIsReported() throws IOException {
        StringBuilder csv = new StringBuilder("Email\n");
        for (int i = 0; i < 4500; i++) csv.append("p").append(i).append("@example.com\n");
        Path f = Files.writeString(dir.resolve("p.csv"), csv);
        List<Long> seen = new java.util.ArrayList<>();
        try (ContactSource source = FileSources.open(f, null)) {
            new ContactImporter(db).importInto("P", source, ColumnMapping.automatic(source.columns()), ImportOptions.defaults(), seen::add);
        }
        assertThat(seen).containsExactly(2000L, 4000L, 4500L);
    }
}
