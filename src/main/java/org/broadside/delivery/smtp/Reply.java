package org.broadside.delivery.smtp;

import java.util.List;
import java.util.Objects;

/**
 * One complete server reply: the code, the enhanced status code when present ("5.1.1"), and the text of
 * each line without the code prefix.
 */
public record Reply(int code, String enhancedCode, List<String> lines) {
    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        lines = List.copyOf(Objects.requireNonNull(lines));
    }

    /** Parses "550 5.1.1 No such user" (one line) with enhanced-code detection; for tests and tables. */
    public static Reply parse(String line) {
        int code = Integer.parseInt(line.substring(0, 3));
        String text = line.length() > 4 ? line.substring(4) : "";
        return new Reply(code, EnhancedCodes.find(code, text), List.of(text));
    }

    /** All lines joined by a space. */
    public String text() {
        return lines.size() == 1 ? lines.get(0) : String.join(" ", lines);
    }

    public boolean positive() {
        return code < 400;
    }

    public boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    public boolean permanentFailure() {
        return code >= 500;
    }

    /** The server's queue id from a 250 receipt (Postfix, Exim, Exchange, SES, Gmail styles); null if none. */
    public String queueId() {
        return code / 100 == 2 ? QueueIds.find(lines) : null;
    }

    @Override
    public String toString() {
        if (lines.isEmpty()) {
            return Integer.toString(code);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append(" / ");
            }
            sb.append(code).append(' ').append(lines.get(i));
        }
        return sb.toString();
    }
}
