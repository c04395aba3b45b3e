package org.broadside.contacts.imports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tokenizer copies quoted values and unquoted runs in pieces; these rows pin what each piece must give. */
class CsvTokenizerTest {
    private static List<SourceRow> rows(String text, int maxQuoted) throws IOException {
        CsvTokenizer t = new CsvTokenizer(new StringReader(text), ',', maxQuoted);
        List<SourceRow> out = new ArrayList<>();
        SourceRow row;
        while ((row = t.next()) != null) out.add(row);
        return out;
    }

    @Test
    void quotedValuesUnquotedRunsAndStrayQuotes() throws IOException {
        List<SourceRow> rows = rows("a@x.com,\"Company 1, Ltd\",Malmö\n"
                + "\"\"\"quoted\"\" start\",\"mid \"\"q\"\" end\",\"end \"\"\"\n"
                + "say 5\" tall,\"\",x\"y\"z\n"
                + "\"two\nlines, \"\"here\"\"\",after\n"
                + ",\"\",\n", 1000);

        assertThat(rows).extracting(SourceRow::values).containsExactly(
                List.of("a@x.com", "Company 1, Ltd", "Malmö"),
                List.of("\"quoted\" start", "mid \"q\" end", "end \""),
                List.of("say 5\" tall", "", "x\"y\"z"),
                List.of("two\nlines, \"here\"", "after"),
                List.of("", "", ""));
        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 2L, 3L, 4L, 6L);
    }

    @Test
    void aQuoteThatNeverClosesCostsOneLine() throws IOException {
        List<SourceRow> rows = rows("\"open,a\nb@x.com,B\nc@x.com,C\n", 1000);

        assertThat(rows.get(0).problem()).contains("never closed");
        assertThat(rows).extracting(SourceRow::values).containsExactly(List.of(), List.of("b@x.com", "B"), List.of("c@x.com", "C"));
    }

    @Test
    void aQuotedValueLongerThanTheLimitIsBroken() throws IOException {
        String longLine = "x".repeat(50);
        List<SourceRow> rows = rows("\"" + longLine + "\n" + longLine + "\n" + longLine + "\"\nok@x.com\n", 60);

        assertThat(rows.get(0).problem()).contains("never closed");
        assertThat(rows.get(rows.size() - 1).values()).containsExactly("ok@x.com");
    }
}
