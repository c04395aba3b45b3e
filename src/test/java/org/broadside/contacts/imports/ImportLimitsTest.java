package org.broadside.contacts.imports;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The most columns and the longest value one import takes, and that a refused import leaves the list as it was. */
class ImportLimitsTest {
    @TempDir
    Path dir;
    private Database db;
    private ContactRepository repo;

    @BeforeEach
    void listWithOneContact() throws IOException {
        db = TestStores.fresh();
        repo = new ContactRepository(db);
        run("News", csv("Email,Full Name\nann@example.com,Ann\n"), null, ImportOptions.defaults());
    }

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("in" + System.nanoTime() + ".csv"), text);
    }

    private ImportReport run(String list, Path file, String mapping, ImportOptions options) {
        try (ContactSource source = FileSources.open(file, null)) {
            return new ContactImporter(db).importInto(list, source, ColumnMapping.parse(mapping, source.columns()), options,
                    ImportProgress.NONE);
        }
    }

    private static String wideCsv(int columns) {
        StringBuilder header = new StringBuilder("Email");
        StringBuilder row = new StringBuilder("bo@example.com");
        for (int i = 1; i < columns; i++) {
            header.append(",C").append(i);
            row.append(",v").append(i);
        }
        return header + "\n" + row + "\n";
    }

    private void assertListUntouched() {
        ContactList list = repo.requireList("News");
        assertThat(list.fields()).containsExactly("Full Name");
        assertThat(repo.count(list.id())).isEqualTo(1);
        assertThat(repo.find(list.id(), "ann@example.com").orElseThrow().fields()).isEqualTo(Map.of("Full Name", "Ann"));
    }

    @Test
    void aFileWithMoreColumnsThanTheLimitIsRefusedNamingBothNumbers() throws IOException {
        Path wide = csv(wideCsv(20_000));

        assertThatThrownBy(() -> run("News", wide, null, ImportOptions.defaults()))
                .isInstanceOf(TooManyColumnsException.class)
                .hasMessageContaining("20,000 columns").hasMessageContaining("at most 500")
                .hasMessageContaining("raise the maximum number of columns")
                .satisfies(e -> assertThat(((TooManyColumnsException) e).limit()).isEqualTo(500));
        assertListUntouched();
    }

    @Test
    void theColumnLimitIsSettable() throws IOException {
        Path wide = csv(wideCsv(600));

        ImportReport report = run("Wide", wide, null, ImportOptions.defaults().withLimits(new ImportLimits(600, 65_536)));

        assertThat(report.added()).isEqualTo(1);
        assertThat(repo.requireList("Wide").fields()).hasSize(599);
    }

    @Test
    void aMappingThatTakesFewColumnsOfAWideFileIsWithinTheLimit() throws IOException {
        Path wide = csv(wideCsv(20_000));

        ImportReport report = run("Narrow", wide, "Email=Email,First=C1,Last=C19999", ImportOptions.defaults());

        assertThat(report.added()).isEqualTo(1);
        assertThat(repo.requireList("Narrow").fields()).containsExactly("First", "Last");
    }

    @Test
    void aRowWithAValueOverTheFieldSizeIsLeftOutNamingItsLineColumnAndTheLimit() throws IOException {
        String huge = "x".repeat(5_000_000);
        Path f = Files.writeString(dir.resolve("big.vcf"), String.join("\r\n",
                "BEGIN:VCARD", "VERSION:3.0", "FN:" + huge, "EMAIL:ann@example.com", "END:VCARD",
                "BEGIN:VCARD", "VERSION:3.0", "FN:Bo", "EMAIL:bo@example.com", "END:VCARD", ""));

        ImportReport report = run("News", f, null, ImportOptions.defaults());

        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).isEqualTo("the value in column \"Full Name\" has 5,000,000 characters; a field takes at most 65,536");
            assertThat(p.value()).isNull();
            assertThat(p.kind()).isEqualTo(ImportReport.Problem.Kind.FIELD_TOO_LARGE);
        });
        assertThat(report.format()).hasSizeLessThan(2_000);
        long id = repo.requireList("News").id();
        assertThat(repo.find(id, "ann@example.com").orElseThrow().fields()).containsEntry("Full Name", "Ann");
        assertThat(repo.find(id, "bo@example.com")).isPresent();
    }

    @Test
    void aRefreshThatRemovesMissingContactsKeepsOneWhoseRowWasTooLarge() throws IOException {
        Path f = csv("Email,Full Name\nann@example.com," + "y".repeat(70_000) + "\nbo@example.com,Bo\n");

        ImportReport report = run("News", f, null, new ImportOptions(true, true));

        assertThat(report.removed()).isZero();
        assertListUntouchedExceptBo();
    }

    private void assertListUntouchedExceptBo() {
        long id = repo.requireList("News").id();
        assertThat(repo.find(id, "ann@example.com").orElseThrow().fields()).isEqualTo(Map.of("Full Name", "Ann"));
        assertThat(repo.count(id)).isEqualTo(2);
    }

    @Test
    void theFieldSizeLimitIsSettable() throws IOException {
        Path f = csv("Email,Full Name\nann@example.com," + "y".repeat(70_000) + "\n");

        ImportReport report = run("News", f, null, ImportOptions.defaults().withLimits(new ImportLimits(500, 100_000)));

        assertThat(report.invalid()).isZero();
        assertThat(repo.find(repo.requireList("News").id(), "ann@example.com").orElseThrow().fields().get("Full Name")).hasSize(70_000);
    }

    @Test
    void limitsBelowOneAreRejected() {
        assertThatThrownBy(() -> new ImportLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImportLimits(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsWithoutLimitsGetTheDefaults() {
        assertThat(new ImportOptions(false, true).limits()).isEqualTo(ImportLimits.DEFAULTS);
        assertThat(List.of(ImportLimits.DEFAULTS.maxColumns(), ImportLimits.DEFAULTS.maxFieldChars())).containsExactly(500, 65_536);
    }
}
