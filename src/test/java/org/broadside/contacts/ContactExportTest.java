package org.broadside.contacts;

import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Exports of a list from a real store, read back: chosen fields in order, the search applied, Excel cells as text. */
class ContactExportTest {
    private final Path dir = TempDirs.create("contact-export");
    private final ContactRepository contacts = new ContactRepository(Database.open(dir));
    private final ContactList list = contacts.createList("Members", List.of("First Name", "City", "Zip"));
    private final ContactExport export = new ContactExport(contacts);
    private static final ListTaskMonitor GO_ON = () -> false;

    ContactExportTest() {
        contacts.upsert(list.id(), List.of(
                Contact.of("zoe@example.com", Map.of("First Name", "Zoë", "City", "Zürich", "Zip", "08001")),
                Contact.of("bob@example.com", Map.of("First Name", "Bob", "City", "Paris", "Zip", "75001")),
                Contact.of("eve@example.com", Map.of("First Name", "=HYPERLINK(\"x\")", "City", "Lyon, FR"))));
    }

    @Test
    void csvHasTheChosenFieldsInTheirOrderAndNeutralisesFormulas() throws Exception {
        Path file = dir.resolve("out.csv");
        var result = export.write(new ContactExport.Request(list, List.of("City", "Email"), "", ContactExport.Format.CSV), file, GO_ON);
        assertThat(result).isEqualTo(new ContactExport.Result(3, false));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("\uFEFFCity,Email");
        assertThat(lines.subList(1, 4)).containsExactly("Zürich,zoe@example.com", "Paris,bob@example.com", "\"Lyon, FR\",eve@example.com");

        export.write(new ContactExport.Request(list, List.of("First Name"), "", ContactExport.Format.CSV), file, GO_ON);
        assertThat(Files.readAllLines(file).get(3)).startsWith("\"'=HYPERLINK");
        assertThat(dir.resolve("out.csv.part")).doesNotExist();
    }

    @Test
    void theSearchExportsWhatTheListManagerShowsAccentsIgnored() throws Exception {
        Path file = dir.resolve("zurich.csv");
        var result = export.write(new ContactExport.Request(list, List.of("Email"), "ZURICH", ContactExport.Format.CSV), file, GO_ON);
        assertThat(result.written()).isEqualTo(1);
        assertThat(Files.readAllLines(file)).containsExactly("\uFEFFEmail", "zoe@example.com");
    }

    @Test
    void excelKeepsZipCodesAsTextAndHasAHeaderRow() throws Exception {
        Path file = dir.resolve("out.xlsx");
        export.write(new ContactExport.Request(list, List.of("Email", "First Name", "Zip"), "", ContactExport.Format.XLSX), file, GO_ON);
        try (InputStream in = Files.newInputStream(file); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Contacts");
            assertThat(rows).hasSize(4);
            assertThat(text(rows.get(0))).isEqualTo("Email|First Name|Zip");
            assertThat(text(rows.get(1))).isEqualTo("zoe@example.com|Zoë|08001");
            assertThat(rows.get(1).getCell(2).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
        }
    }

    @Test
    void aCancelledExportLeavesNoFile() {
        Path file = dir.resolve("cancelled.csv");
        var result = export.write(new ContactExport.Request(list, List.of("Email"), "", ContactExport.Format.CSV), file, () -> true);
        assertThat(result.cancelled()).isTrue();
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("cancelled.csv.part")).doesNotExist();
    }

    private static String text(Row r) {
        return r.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|"));
    }
}
