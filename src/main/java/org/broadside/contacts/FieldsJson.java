package org.broadside.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Contact field values as the JSON object stored in one column. */
public final class FieldsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {};

    private FieldsJson() {}

    /** Written by hand rather than with Jackson: it runs once per imported row, a million times per big import. */
    public static String write(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder(32 + fields.size() * 24).append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            string(sb, e.getKey());
            sb.append(':');
            if (e.getValue() == null) sb.append("null");
            else string(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    /**
     * The same text as {@link #write(Map)} for these names and values (names distinct, values in the same order),
     * without building a map: the import writes a million of these.
     */
    public static String write(List<String> names, String[] values) {
        StringBuilder sb = new StringBuilder(32 + names.size() * 24).append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) sb.append(',');
            string(sb, names.get(i));
            sb.append(':');
            if (values[i] == null) sb.append("null");
            else string(sb, values[i]);
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length() && !needsEscape(s.charAt(plain))) plain++;
        // Nearly every value needs no escape at all: copied in one piece.
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == 0x2028 || c == 0x2029;
    }

    /**
     * Parses the stored object. Our own {@link #write} output (a flat object of strings and nulls) is read by a small
     * scanner: this runs once per message during a send, where Jackson's general deserializer cost more CPU, and more
     * compilation at start-up, than building the message did. Anything else is handed to Jackson.
     */
    public static Map<String, String> read(String json) {
        if (json == null || json.isEmpty() || json.equals("{}")) return new LinkedHashMap<>();
        Map<String, String> flat = new FlatObject(json).parse();
        if (flat != null) return flat;
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contact fields are not valid JSON", e);
        }
    }

    /** A scanner for {"key":"value"|null,...}; returns null for anything outside that shape. */
    private static final class FlatObject {
        private final String s;
        private int i;

        FlatObject(String s) {
            this.s = s;
        }

        Map<String, String> parse() {
            Map<String, String> out = new LinkedHashMap<>();
            skipSpace();
            if (!take('{')) return null;
            skipSpace();
            if (take('}')) return end() ? out : null;
            while (true) {
                skipSpace();
                String key = string();
                if (key == null) return null;
                skipSpace();
                if (!take(':')) return null;
                skipSpace();
                String value;
                if (s.startsWith("null", i)) {
                    i += 4;
                    value = null;
                } else {
                    value = string();
                    if (value == null) return null;
                }
                out.put(key, value);
                skipSpace();
                if (take(',')) continue;
                if (take('}')) return end() ? out : null;
                return null;
            }
        }

        private boolean end() {
            skipSpace();
            return i == s.length();
        }

        private String string() {
            if (!take('"')) return null;
            int start = i;
            int quote = s.indexOf('"', i);
            int escape = s.indexOf('\\', i);
            if (quote >= 0 && (escape < 0 || escape > quote)) {
                for (int k = start; k < quote; k++) if (s.charAt(k) < 0x20) return null;
                i = quote + 1;
                return s.substring(start, quote);
            }
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') return sb.toString();
                if (c < 0x20) return null;
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (i >= s.length()) return null;
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) return null;
                        int cp = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(s.charAt(i++), 16);
                            if (d < 0) return null;
                            cp = cp * 16 + d;
                        }
                        sb.append((char) cp);
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return null;
        }

        private boolean take(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                i++;
            }
        }
    }
}
