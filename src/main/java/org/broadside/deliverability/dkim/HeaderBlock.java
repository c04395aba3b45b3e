package org.broadside.deliverability.dkim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of a CRLF message, each with its raw text (folding kept), and where the body starts.
 * Bytes are read as ISO-8859-1 so UTF-8 header bytes survive canonicalization unchanged.
 */
final class HeaderBlock {
    final List<String> names = new ArrayList<>();
    final List<String> fields = new ArrayList<>();
    final int bodyStart;

    private HeaderBlock(int bodyStart) {
        this.bodyStart = bodyStart;
    }

    static HeaderBlock parse(byte[] msg) {
        int end = -1;
        for (int i = 0; i + 1 < msg.length; i++) {
            if (msg[i] == '\r' && msg[i + 1] == '\n') {
                if (i + 3 < msg.length && msg[i + 2] == '\r' && msg[i + 3] == '\n') {
                    end = i + 2;
                    break;
                }
                if (i == 0) {
                    end = 0;
                    break;
                }
            }
        }
        int headerEnd = end < 0 ? msg.length : end;
        HeaderBlock block = new HeaderBlock(end < 0 ? msg.length : end + 2);
        String text = new String(msg, 0, headerEnd, StandardCharsets.ISO_8859_1);
        StringBuilder current = null;
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && current != null) {
                current.append("\r\n").append(line);
                continue;
            }
            block.add(current);
            current = new StringBuilder(line);
        }
        block.add(current);
        return block;
    }

    private void add(StringBuilder field) {
        if (field == null) {
            return;
        }
        String f = field.toString();
        int colon = f.indexOf(':');
        if (colon <= 0) {
            return;
        }
        names.add(f.substring(0, colon).trim().toLowerCase(Locale.ROOT));
        fields.add(f);
    }

    /** The instances of a header, last first (the order RFC 6376 5.4.2 signs repeated fields in). */
    List<String> bottomUp(String name) {
        List<String> out = new ArrayList<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equals(name)) {
                out.add(fields.get(i));
            }
        }
        return out;
    }
}
