package org.broadside.contacts.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Excel, vCard and pasted text sources. */
class OtherSourcesTest {
    @TempDir
    Path dir;

    private static List<SourceRow> rows(ContactSource source) {
        List<SourceRow> out = new ArrayList<>();
        SourceRow r;
        while ((r = source.next()) != null) out.add(r);
        source.close();
        return out;
    }

    @Test
    void xlsxNumbersLoseExcelsDecimalsAndDatesBecomeIsoDates() throws IOException {
        Path f = MinimalXlsx.write(dir.resolve("c.xlsx"), List.of(
                List.of("Email", "Name", "Phone", "Since", "Score"),
                List.of("a@example.com", "Zoë & Co", 33612345678.0, LocalDate.of(2023, 7, 14), 2.5),
                Arrays.asList("b@example.com", null, 1.0, null, 0.0)));

        ContactSource source = FileSources.open(f, null);

        assertThat(source.columns()).containsExactly("Email", "Name", "Phone", "Since", "Score");
        List<SourceRow> rows = rows(source);
        assertThat(rows.get(0).values()).containsExactly("a@example.com", "Zoë & Co", "33612345678", "2023-07-14", "2.5");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).value(0)).isEqualTo("b@example.com");
        assertThat(rows.get(1).value(1)).isEmpty();
        assertThat(rows.get(1).value(2)).isEqualTo("1");
    }

    @Test
    void aFileThatIsNotAWorkbookIsExplained() throws IOException {
        Path f = Files.writeString(dir.resolve("fake.xlsx"), "Email\na@example.com\n");

        assertThatThrownBy(() -> FileSources.open(f, null)).isInstanceOf(DamagedFileException.class)
                .hasMessage("The file fake.xlsx is not an Excel workbook (it looks like a text file: choose CSV as the file type).");
    }

    @Test
    void oldXlsFilesAreRefusedWithAWayOut() throws IOException {
        Path f = Files.writeString(dir.resolve("old.xls"), "x");

        assertThatThrownBy(() -> FileSources.open(f, null)).hasMessageContaining("save the sheet as .xlsx or .csv");
    }

    @Test
    void vcardsGiveOneRowPerCardWithThePreferredAddress() throws IOException {
        Path f = Files.writeString(dir.resolve("c.vcf"), String.join("\r\n",
                "BEGIN:VCARD", "VERSION:3.0", "N:Durand;Chloé;;;", "FN:Chloé Durand", "ORG:ACME\\, Inc.;Sales",
                "EMAIL;TYPE=WORK:work@example.com", "EMAIL;TYPE=HOME,PREF:home@exam", " ple.com", "TEL;TYPE=CELL:+33 6 12 34 56 78",
                "TITLE:Buyer", "END:VCARD",
                "BEGIN:VCARD", "VERSION:2.1", "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen", "EMAIL;INTERNET:jm@example.de",
                "END:VCARD",
                "BEGIN:VCARD", "VERSION:4.0", "FN:No Mail", "END:VCARD", ""), StandardCharsets.UTF_8);

        List<SourceRow> rows = rows(FileSources.open(f, null));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).values()).containsExactly("home@example.com", "Chloé", "Durand", "Chloé Durand", "ACME, Inc. Sales",
                "Buyer", "+33 6 12 34 56 78");
        assertThat(rows.get(1).values().subList(0, 3)).containsExactly("jm@example.de", "Jürgen", "Müller");
        assertThat(rows.get(2).line()).isEqualTo(17);
        assertThat(rows.get(2).value(0)).isEmpty();
    }

    @Test
    void pastedTextAcceptsBareAddressesNamesAndSeveralPerLine() {
        List<SourceRow> rows = rows(PastedTextSource.of("a@example.com\n\nBo Bee <bo@example.com>, \"Cee, Cy\" <cy@example.com>; d@example.com\n"));

        assertThat(rows).extracting(SourceRow::values).containsExactly(
                List.of("a@example.com", ""), List.of("bo@example.com", "Bo Bee"), List.of("cy@example.com", "Cee, Cy"),
                List.of("d@example.com", ""));
        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 3L, 3L, 3L);
    }
}
