package org.broadside.contacts.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path file(String name, String text, Charset cs) throws IOException {
        return file(name, text.getBytes(cs));
    }

    private static List<SourceRow> rows(CsvSource source) {
        List<SourceRow> out = new ArrayList<>();
        SourceRow r;
        while ((r = source.next()) != null) out.add(r);
        source.close();
        return out;
    }

    @Test
    void quotedValuesKeepDelimitersQuotesAndLineBreaks() throws IOException {
        Path f = file("a.csv", "Email,Note\r\na@example.com,\"one, \"\"two\"\"\r\nthree\"\r\nb@example.com,plain\r\n", StandardCharsets.UTF_8);

        List<SourceRow> rows = rows(CsvSource.open(f, null, null));

        assertThat(rows).extracting(SourceRow::values).containsExactly(
                List.of("a@example.com", "one, \"two\"\nthree"), List.of("b@example.com", "plain"));
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 4L);
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
        byte[] body = "Email;Prénom\nz@example.com;Zoé\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        CsvSource source = CsvSource.open(file("bom.csv", withBom), null, null);

        assertThat(source.columns()).containsExactly("Email", "Prénom");
        assertThat(rows(source).get(0).values()).containsExactly("z@example.com", "Zoé");
    }

    @Test
    void semicolonsAreDetectedEvenWhenValuesContainCommas() throws IOException {
        Path f = file("s.csv", "Email;Name;City\na@x.com;Doe, John;Paris\nb@x.com;Roe, Jane;Lyon\n", StandardCharsets.UTF_8);

        CsvSource source = CsvSource.open(f, null, null);

        assertThat(source.dialect().delimiter()).isEqualTo(';');
        assertThat(rows(source).get(0).values()).containsExactly("a@x.com", "Doe, John", "Paris");
    }

    @Test
    void tabsAreDetected() throws IOException {
        CsvSource source = CsvSource.open(file("t.txt", "Email\tName\na@x.com\tAl\n", StandardCharsets.UTF_8), null, null);

        assertThat(source.dialect().delimiter()).isEqualTo('\t');
        assertThat(rows(source).get(0).values()).containsExactly("a@x.com", "Al");
    }

    @Test
    void windows1252IsRecognisedWhenTheBytesAreNotUtf8() throws IOException {
        Path f = file("w.csv", "Email,Name,Price\nf@x.com,François Müller,12 €\n", Charset.forName("windows-1252"));

        CsvSource source = CsvSource.open(f, null, null);

        assertThat(source.dialect().charset().name()).isEqualTo("windows-1252");
        assertThat(rows(source).get(0).values()).containsExactly("f@x.com", "François Müller", "12 €");
    }

    @Test
    void utf16WithBomIsDecoded() throws IOException {
        byte[] body = "Email\tName\nk@x.com\t日本\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);

        CsvSource source = CsvSource.open(file("u16.txt", bytes), null, null);

        assertThat(rows(source).get(0).values()).containsExactly("k@x.com", "日本");
    }

    @Test
    void utf16WithoutBomIsRecognisedByItsZeroBytes() throws IOException {
        CsvSource source = CsvSource.open(file("u16.csv", "Email,Name\nk@x.com,Łukasz\n", StandardCharsets.UTF_16LE), null, null);

        assertThat(rows(source).get(0).values()).containsExactly("k@x.com", "Łukasz");
    }

    @Test
    void raggedRowsWithMissingCellsAreKeptAndRowsWithExtraValuesAreReported() throws IOException {
        Path f = file("r.csv", "Email,First,Last\na@x.com,Al\nb@x.com,Bo,Bee,extra\nc@x.com,Cy,Sea,,\n", StandardCharsets.UTF_8);

        List<SourceRow> rows = rows(CsvSource.open(f, null, null));

        assertThat(rows.get(0).values()).containsExactly("a@x.com", "Al");
        assertThat(rows.get(0).value(2)).isEmpty();
        assertThat(rows.get(1).problem()).isEqualTo("has 4 values but the header has 3 columns");
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(2).values()).containsExactly("c@x.com", "Cy", "Sea");
    }

    @Test
    void anUnclosedQuoteCostsOneLineAndReadingGoesOn() throws IOException {
        Path f = file("q.csv", "Email,Name\na@x.com,\"Broken\nb@x.com,Bo\nc@x.com,Cy\n", StandardCharsets.UTF_8);

        List<SourceRow> rows = rows(CsvSource.open(f, null, null));

        assertThat(rows.get(0).problem()).contains("never closed");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.subList(1, 3)).extracting(SourceRow::values)
                .containsExactly(List.of("b@x.com", "Bo"), List.of("c@x.com", "Cy"));
        assertThat(rows.subList(1, 3)).extracting(SourceRow::line).containsExactly(3L, 4L);
    }

    @Test
    void aFileWithoutHeaderGetsAnEmailColumn() throws IOException {
        CsvSource source = CsvSource.open(file("n.csv", "Al,al@x.com\nBo,bo@x.com\n", StandardCharsets.UTF_8), null, null);

        assertThat(source.dialect().header()).isFalse();
        assertThat(source.columns()).containsExactly("Column 1", "Email");
        assertThat(rows(source)).hasSize(2);
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path f = file("e.csv", new byte[0]);

        assertThatThrownBy(() -> CsvSource.open(f, null, null)).isInstanceOf(ImportException.class).hasMessageContaining("is empty");
    }

    @Test
    void aFileOfBlankLinesIsRefused() throws IOException {
        Path f = file("b.csv", "\n\r\n\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CsvSource.open(f, null, null)).isInstanceOf(ImportException.class).hasMessageContaining("no data");
    }

    @Test
    void blankLinesAndDuplicateHeadersAreHandled() throws IOException {
        Path f = file("d.csv", "Email,Name,Name,\n\na@x.com,A,B,C\n\n", StandardCharsets.UTF_8);

        CsvSource source = CsvSource.open(f, null, null);

        assertThat(source.columns()).containsExactly("Email", "Name", "Name (2)", "Column 4");
        assertThat(rows(source)).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(3));
    }

    @Test
    void lastLineWithoutNewlineIsRead() throws IOException {
        List<SourceRow> rows = rows(CsvSource.open(file("l.csv", "Email\na@x.com\nb@x.com", StandardCharsets.UTF_8), null, null));

        assertThat(rows).extracting(r -> r.value(0)).containsExactly("a@x.com", "b@x.com");
    }

    @Test
    void oldMacLineEndingsSplitRows() throws IOException {
        List<SourceRow> rows = rows(CsvSource.open(file("m.csv", "Email,N\ra@x.com,1\rb@x.com,2\r", StandardCharsets.UTF_8), null, null));

        assertThat(rows).extracting(SourceRow::values).containsExactly(List.of("a@x.com", "1"), List.of("b@x.com", "2"));
    }
}
