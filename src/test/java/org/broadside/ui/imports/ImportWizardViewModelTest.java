package org.broadside.ui.imports;

import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.imports.SavedSources;
import org.broadside.store.Database;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ImportWizardViewModelTest {
    @TempDir Path dir;
    private Database db;
    private ImportWizardViewModel vm;
    private final AtomicInteger imported = new AtomicInteger();

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open(dir.resolve("home"));
        vm = new ImportWizardViewModel(db, new SameThreadRunner(), org.broadside.accounts.InMemoryCredentialStore::new, imported::incrementAndGet);
        Path vcf = Files.writeString(dir.resolve("people.vcf"), """
                BEGIN:VCARD
                VERSION:3.0
                FN:Ada Lovelace
                N:Lovelace;Ada;;;
                EMAIL:ada@example.com
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Alan Turing
                N:Turing;Alan;;;
                EMAIL:alan@example.com
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:No Address
                END:VCARD
                """);
        vm.source().fileProperty().set(vcf.toString());
    }

    @Test
    void previewShowsColumnsFirstRowsAndAProposedMapping() {
        vm.loadPreview();
        assertThat(vm.columns()).contains("Email", "First Name");
        assertThat(vm.previewRows()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(vm.mapping()).filteredOn(r -> r.target().equals("Email")).hasSize(1);
    }

    /** Import used the previous file's column mapping for a new file that was never previewed. */
    @Test
    void anotherSourceNeedsItsOwnPreviewBeforeImport() throws Exception {
        vm.loadPreview();
        assertThat(vm.mapping()).isNotEmpty();
        Path csv = Files.writeString(dir.resolve("other.csv"), "name,email\nZoe,zoe@example.com\n");
        vm.source().fileProperty().set(csv.toString());
        assertThat(vm.mapping()).isEmpty();
        assertThat(vm.previewRows()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("The source changed");
        vm.listNameProperty().set("People");
        vm.runImport();
        assertThat(vm.statusProperty().get()).isEqualTo("Preview the source first, then check the mapping.");
        vm.loadPreview();
        assertThat(vm.mapping()).filteredOn(r -> r.target().equals("Email")).singleElement()
                .satisfies(r -> assertThat(r.columnName()).isEqualTo("email"));
    }

    /** A broken line among the first ones was left out of the preview without a word. */
    @Test
    void thePreviewNamesTheLinesItCannotRead() throws Exception {
        Path csv = Files.writeString(dir.resolve("broken.csv"),
                "email,First Name\nann@example.com,Ann\n\"bob@example.com,Bob\ncarl@example.com,Carl\n");
        vm.source().fileProperty().set(csv.toString());
        vm.loadPreview();
        assertThat(vm.statusProperty().get())
                .contains("1 line cannot be read and will be left out: line 3: a quote opened on this line is never closed");
    }

    @Test
    void importWritesTheListReportsAndSavesTheSource() {
        vm.loadPreview();
        vm.mapping().stream().filter(r -> !r.columnName().equals("Email") && !r.columnName().equals("First Name"))
                .forEach(r -> r.targetProperty().set(""));
        vm.listNameProperty().set("Friends");
        vm.saveAsProperty().set("address book");
        vm.runImport();
        assertThat(vm.statusProperty().get()).startsWith("Done.");
        assertThat(vm.reportProperty().get()).contains("added        2");
        ContactRepository contacts = new ContactRepository(db);
        var list = contacts.requireList("Friends");
        assertThat(list.fields()).containsExactly("First Name");
        assertThat(contacts.find(list.id(), "ada@example.com").orElseThrow().fields()).containsEntry("First Name", "Ada");
        assertThat(new SavedSources(db).forList(list.id())).extracting(s -> s.name()).containsExactly("address book");
        assertThat(imported.get()).isEqualTo(1);
    }

    @Test
    void withoutAnEmailColumnTheImportDoesNotStart() {
        vm.loadPreview();
        vm.mapping().forEach(r -> { if (r.target().equals("Email")) r.targetProperty().set(""); });
        vm.listNameProperty().set("Friends");
        vm.runImport();
        assertThat(vm.statusProperty().get()).startsWith("Choose the column that holds the e-mail addresses");
        assertThat(new ContactRepository(db).findList("Friends")).isEmpty();
    }

    @Test
    void aCancelledImportStopsAtTheNextRowAndRollsBack() {
        java.util.concurrent.atomic.AtomicBoolean cancel = new java.util.concurrent.atomic.AtomicBoolean();
        // The user presses Cancel while the first row is being read.
        var rows = new java.util.ArrayDeque<>(java.util.List.of("a@example.com", "b@example.com"));
        var inner = new org.broadside.contacts.imports.ContactSource() {
            long line;
            @Override public java.util.List<String> columns() { return java.util.List.of("Email"); }
            @Override public org.broadside.contacts.imports.SourceRow next() {
                cancel.set(true);
                return rows.isEmpty() ? null : org.broadside.contacts.imports.SourceRow.of(++line, java.util.List.of(rows.poll()));
            }
            @Override public void close() { }
        };
        var source = new CancellableSource(inner, cancel);
        var importer = new org.broadside.contacts.imports.ContactImporter(db);
        var mapping = org.broadside.contacts.imports.ColumnMapping.automatic(source.columns());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> importer.importInto("Cancelled", source, mapping,
                        org.broadside.contacts.imports.ImportOptions.defaults(), org.broadside.contacts.imports.ImportProgress.NONE))
                .hasMessage(CancellableSource.CANCELLED);
        assertThat(new ContactRepository(db).findList("Cancelled")).isEmpty();
    }
}
