package org.broadside.contacts.imports;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * vCard files (2.1, 3.0, 4.0) as exported by address books: one row per card with its preferred address, name,
 * organisation, title and phone. Folded lines, escapes and vCard 2.1 quoted-printable values are decoded.
 */
public final class VcardSource implements ContactSource {
    static final List<String> COLUMNS = List.of("Email", "First Name", "Last Name", "Full Name", "Organization", "Title", "Phone");

    private final BufferedReader reader;
    private String lookahead;
    private long lookaheadNumber;
    private long lineNumber;
    private long unfoldedStart;

    private VcardSource(BufferedReader reader) {
        this.reader = reader;
    }

    public static VcardSource open(Path file) {
        try {
            byte[] head = new byte[4096];
            int n;
            try (var in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            Charset cs = CsvDialectDetector.detect(head, n, ',', true).charset();
            var decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            var in = Files.newInputStream(file);
            if (n >= 3 && (head[0] & 0xff) == 0xEF) in.skipNBytes(3);
            VcardSource source = new VcardSource(new BufferedReader(new InputStreamReader(in, decoder)));
            return source;
        } catch (IOException e) {
            throw new ImportException("The file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> columns() { return COLUMNS; }

    @Override
    public SourceRow next() {
        try {
            String line;
            while ((line = unfolded()) != null) {
                if (line.equalsIgnoreCase("BEGIN:VCARD")) return card(unfoldedStart);
            }
            return null;
        } catch (IOException e) {
            throw new ImportException("The vCard file could not be read to the end: " + e.getMessage(), e);
        }
    }

    private SourceRow card(long start) throws IOException {
        String email = "";
        String preferredEmail = null;
        String first = "";
        String last = "";
        String full = "";
        String org = "";
        String title = "";
        String phone = "";
        String line;
        while ((line = unfolded()) != null) {
            if (line.equalsIgnoreCase("END:VCARD")) {
                String address = preferredEmail != null ? preferredEmail : email;
                return SourceRow.of(start, List.of(address, first, last, full, org, title, phone));
            }
            int colon = colonOutsideQuotes(line);
            if (colon < 0) continue;
            String[] nameAndParams = line.substring(0, colon).split(";");
            String name = nameAndParams[0].toUpperCase(Locale.ROOT);
            int dot = name.indexOf('.');
            if (dot >= 0) name = name.substring(dot + 1);
            String params = line.substring(0, colon).toUpperCase(Locale.ROOT);
            String raw = line.substring(colon + 1);
            if (params.contains("QUOTED-PRINTABLE")) raw = quotedPrintable(raw, charsetParam(params));
            switch (name) {
                case "EMAIL" -> {
                    String v = unescape(raw).strip();
                    if (email.isEmpty()) email = v;
                    if (preferredEmail == null && (params.contains("PREF") || params.contains("PREF=1"))) preferredEmail = v;
                }
                case "N" -> {
                    List<String> parts = components(raw);
                    last = parts.size() > 0 ? parts.get(0) : "";
                    first = parts.size() > 1 ? parts.get(1) : "";
                }
                case "FN" -> full = unescape(raw).strip();
                case "ORG" -> org = String.join(" ", components(raw)).strip();
                case "TITLE" -> title = unescape(raw).strip();
                case "TEL" -> {
                    if (phone.isEmpty()) phone = unescape(raw).replaceFirst("^tel:", "").strip();
                }
                default -> { }
            }
        }
        return SourceRow.broken(start, "the card is not closed with END:VCARD");
    }

    /** Joins continuation lines (RFC 6350 folding, and vCard 2.1 quoted-printable soft breaks). */
    private String unfolded() throws IOException {
        String line;
        if (lookahead != null) {
            line = lookahead;
            unfoldedStart = lookaheadNumber;
        } else {
            line = readLine();
            unfoldedStart = lineNumber;
        }
        lookahead = null;
        if (line == null) return null;
        StringBuilder sb = new StringBuilder(line);
        while (true) {
            String next = readLine();
            if (next == null) break;
            if (!next.isEmpty() && (next.charAt(0) == ' ' || next.charAt(0) == '\t')) {
                sb.append(next, 1, next.length());
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '='
                    && sb.toString().toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE")) {
                sb.setLength(sb.length() - 1);
                sb.append(next);
            } else {
                lookahead = next;
                lookaheadNumber = lineNumber;
                break;
            }
        }
        return sb.toString().strip();
    }

    private String readLine() throws IOException {
        String l = reader.readLine();
        if (l != null) lineNumber++;
        return l;
    }

    private static int colonOutsideQuotes(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ':' && !quoted) return i;
        }
        return -1;
    }

    private static List<String> components(String raw) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                sb.append(c).append(raw.charAt(++i));
            } else if (c == ';') {
                out.add(unescape(sb.toString()).strip());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(unescape(sb.toString()).strip());
        return out;
    }

    static String unescape(String v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                sb.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static Charset charsetParam(String params) {
        int i = params.indexOf("CHARSET=");
        if (i < 0) return StandardCharsets.UTF_8;
        String name = params.substring(i + 8).split("[;:]")[0];
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    static String quotedPrintable(String v, Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '=' && i + 2 < v.length()) {
                try {
                    out.write(Integer.parseInt(v.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (NumberFormatException ignored) {
                    // Not an escape: keep the '=' as written.
                }
            }
            byte[] b = String.valueOf(c).getBytes(charset);
            out.write(b, 0, b.length);
        }
        return out.toString(charset);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Only read.
        }
    }
}
