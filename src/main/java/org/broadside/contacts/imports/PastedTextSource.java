package org.broadside.contacts.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses pasted as text: one per line, or several separated by commas or semicolons, each either a bare
 * address or {@code Name <address>} (a quoted name may contain commas). Columns: Email and Name.
 */
public final class PastedTextSource implements ContactSource {
    private final List<SourceRow> rows = new ArrayList<>();
    private int next;

    private PastedTextSource(String text) {
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String entry : splitEntries(lines[i])) {
                if (entry.isBlank()) continue;
                rows.add(SourceRow.of(i + 1, parse(entry.strip())));
            }
        }
    }

    public static PastedTextSource of(String text) {
        return new PastedTextSource(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    public static PastedTextSource open(Path file) {
        try {
            FileContent.Kind kind = FileContent.of(file);
            if (kind != FileContent.Kind.TEXT) throw new NotTextFileException(file.getFileName().toString(), kind);
            return of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportException("The file " + file.getFileName() + " is not UTF-8 text; save it as UTF-8, or import it"
                    + " as CSV, whose encoding is detected.", e);
        } catch (IOException e) {
            throw new ImportException("The file " + file + " cannot be read as UTF-8 text: " + SafeText.of(e.getMessage(), 200), e);
        }
    }

    /** Splits on commas and semicolons that are outside quotes and angle brackets. */
    static List<String> splitEntries(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == '<' && !quoted) angle = true;
            else if (c == '>' && !quoted) angle = false;
            if ((c == ',' || c == ';' || c == '\t') && !quoted && !angle) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    /** [email, name] from "Name <address>", "\"Last, First\" <address>" or "address". */
    static List<String> parse(String entry) {
        int lt = entry.lastIndexOf('<');
        int gt = entry.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String name = entry.substring(0, lt).strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
            return List.of(entry.substring(lt + 1, gt).strip(), name.replace("\\\"", "\""));
        }
        return List.of(entry, "");
    }

    @Override
    public List<String> columns() { return List.of("Email", "Name"); }

    @Override
    public SourceRow next() {
        return next < rows.size() ? rows.get(next++) : null;
    }

    @Override
    public void close() {
        // Everything is in memory; pasted text is small by nature.
    }
}
