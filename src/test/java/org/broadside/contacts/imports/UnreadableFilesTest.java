package org.broadside.contacts.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binary files given as text, damaged workbooks, and file content that must never reach a message raw. */
class UnreadableFilesTest {
    @TempDir
    Path dir;

    private Path workbook(String name) throws IOException {
        return MinimalXlsx.write(dir.resolve(name), List.of(List.of("Email", "Name"), List.of("a@example.com", "Al")));
    }

    private static void assertPrintable(String message) {
        assertThat(message.codePoints().allMatch(SafeText::printable)).as("printable: %s", message).isTrue();
    }

    @Test
    void anExcelWorkbookGivenAsCsvIsNamedAsOne() throws IOException {
        Path f = Files.move(workbook("w.xlsx"), dir.resolve("data.csv"));

        assertThatThrownBy(() -> FileSources.open(f, null)).isInstanceOf(NotTextFileException.class)
                .hasMessage("The file data.csv is not a text file (it looks like an Excel workbook: choose Excel as the file type).")
                .satisfies(e -> assertThat(((NotTextFileException) e).kind()).isEqualTo(FileContent.Kind.EXCEL_WORKBOOK));
    }

    @Test
    void randomBinaryDataGivenAsCsvIsRefusedWithoutEchoingIt() throws IOException {
        byte[] bytes = new byte[50_000];
        new Random(14).nextBytes(bytes);
        Path f = Files.write(dir.resolve("data.csv"), bytes);

        assertThatThrownBy(() -> FileSources.open(f, null)).isInstanceOf(NotTextFileException.class)
                .hasMessage("The file data.csv is not a text file (it looks like binary data).");
    }

    @Test
    void binaryDataWithoutZeroBytesIsRecognisedByItsControlCharacters() throws IOException {
        byte[] bytes = new byte[20_000];
        new Random(6350).nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == 0) bytes[i] = 1;
        Path f = Files.write(dir.resolve("data.csv"), bytes);

        assertThatThrownBy(() -> FileSources.open(f, null)).isInstanceOf(NotTextFileException.class)
                .hasMessageContaining("binary data");
    }

    @Test
    void pdfImagesAndArchivesAreNamedByTheirMagicNumbers() {
        assertThat(FileContent.of(bytes("%PDF-1.7\n%âãÏÓ\n"), 15)).isEqualTo(FileContent.Kind.PDF);
        assertThat(FileContent.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 8)).isEqualTo(FileContent.Kind.IMAGE);
        assertThat(FileContent.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 4)).isEqualTo(FileContent.Kind.IMAGE);
        assertThat(FileContent.of(new byte[] {0x1F, (byte) 0x8B, 8, 0}, 4)).isEqualTo(FileContent.Kind.GZIP_ARCHIVE);
        assertThat(FileContent.of(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 8))
                .isEqualTo(FileContent.Kind.OLD_OFFICE_FILE);
    }

    @Test
    void textInWindows1252AndUtf16AndWithAStrayEscapeIsStillText() {
        byte[] latin = "Email;Nom\nb@example.fr;Hélène Müller ½ ¤ ÿ\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] utf16 = "Email,Name\nk@x.com,Łukasz\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] escape = "Email,Name\na@example.com,Al\u001b\n".getBytes(StandardCharsets.UTF_8);

        assertThat(FileContent.of(latin, latin.length)).isEqualTo(FileContent.Kind.TEXT);
        assertThat(FileContent.of(utf16, utf16.length)).isEqualTo(FileContent.Kind.TEXT);
        assertThat(FileContent.of(escape, escape.length)).isEqualTo(FileContent.Kind.TEXT);
    }

    @Test
    void columnNamesInAMessageAreMadePrintableAndCut() {
        CsvSource source = CsvSource.of("Na\u001b[31mme,Ci\u202Ety,\u0007Bell\nAl,Rome,x\n", ',', true);

        assertThatThrownBy(() -> ColumnMapping.automatic(source.columns())).isInstanceOf(ImportException.class)
                .hasMessage("No column holds the e-mail address (the columns are Na?[31mme, Ci?ty, ?Bell); name it with --map Email=COLUMN.")
                .satisfies(e -> assertPrintable(e.getMessage()));
    }

    @Test
    void aMessageListsTwentyColumnsAndCountsTheRest() {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= 20_000; i++) columns.add("C" + i);

        assertThatThrownBy(() -> ColumnMapping.automatic(columns)).hasMessageContaining("C19, C20 and 19,980 more);")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    @Test
    void aWorkbookCutShortIsDamagedInWords() throws IOException {
        byte[] whole = Files.readAllBytes(workbook("w.xlsx"));
        Path f = Files.write(dir.resolve("data.xlsx"), Arrays.copyOf(whole, whole.length * 2 / 3));

        assertThatThrownBy(() -> FileSources.open(f, null)).isInstanceOf(DamagedFileException.class)
                .hasMessage("The file data.xlsx is damaged or not an Excel workbook: it is cut short or its ZIP structure is"
                        + " broken. Open it in Excel or LibreOffice and save it again as .xlsx, or save it as .csv.");
    }

    /** Was "(null not found)": the library's words for a workbook without its workbook part. */
    @Test
    void aWorkbookWithoutItsPartsIsDamagedInWords() throws IOException {
        Path f = dir.resolve("data.xlsx");
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> FileSources.open(f, null)).isInstanceOf(DamagedFileException.class)
                .hasMessageStartingWith("The file data.xlsx is damaged or not an Excel workbook: ")
                .hasMessageNotContaining("null");
    }

    @Test
    void aPdfGivenAsWorkbookIsNamedAsOne() throws IOException {
        Path f = Files.writeString(dir.resolve("data.xlsx"), "%PDF-1.4\n1 0 obj\n");

        assertThatThrownBy(() -> FileSources.open(f, null)).isInstanceOf(DamagedFileException.class)
                .hasMessage("The file data.xlsx is not an Excel workbook (it looks like a PDF document).");
    }

    @Test
    void aReportNeverEchoesControlCharactersFromTheFile() {
        ImportReport report = new ImportReport("L", 1, 0, 0, 0, 0, 1, 0, 0,
                List.of(new ImportReport.Problem(2, "no @", "\u001b]0;pwned\u0007" + "x".repeat(500))), "line", java.time.Duration.ZERO);

        String text = report.format();

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").hasSizeLessThan(600);
    }

    @Test
    void aPdfGivenAsPastedTextIsRefusedByItsContent() throws IOException {
        Path f = Files.write(dir.resolve("list.txt"), bytes("%PDF-1.4\n\u0001\u0002"));

        assertThatThrownBy(() -> FileSources.open(f, FileSources.Format.TEXT)).isInstanceOf(NotTextFileException.class)
                .hasMessage("The file list.txt is not a text file (it looks like a PDF document).");
    }

    @Test
    void textThatIsNotUtf8GivenAsPastedTextSaysSo() throws IOException {
        Path f = Files.write(dir.resolve("list.txt"), "Hélène <h@example.fr>\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));

        assertThatThrownBy(() -> FileSources.open(f, FileSources.Format.TEXT)).isInstanceOf(ImportException.class)
                .hasMessage("The file list.txt is not UTF-8 text; save it as UTF-8, or import it as CSV, whose encoding is detected.");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
