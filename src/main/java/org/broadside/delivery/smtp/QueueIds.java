package org.broadside.delivery.smtp;

import java.util.List;
import java.util.Locale;

/** Pulls the queue id out of a 250 receipt in the common server styles, by scanning tokens. */
final class QueueIds {
    private QueueIds() {
    }

    static String find(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String id = fromLine(lines.get(i));
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static String fromLine(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        // Postfix "Ok: queued as 4Bx", Sendmail "Message accepted for delivery" has the id first, qmail "ok 123 qp 456".
        int at = lower.indexOf("queued as ");
        if (at >= 0) {
            return token(line, at + 10);
        }
        at = lower.indexOf("internalid=");
        if (at >= 0) {
            return token(line, at + 11);
        }
        at = lower.indexOf("id=");
        if (at >= 0 && (at == 0 || !Character.isLetterOrDigit(line.charAt(at - 1)))) {
            return token(line, at + 3);
        }
        String[] words = words(line);
        // Exchange: "2.6.0 <msgid@host> [InternalId=...] Queued mail for delivery" (InternalId handled above).
        for (String w : words) {
            if (w.length() > 2 && w.charAt(0) == '<' && w.charAt(w.length() - 1) == '>' && w.indexOf('@') > 0) {
                return w;
            }
        }
        // Gmail: "2.0.0 OK  1700000000 a1-20020a17090a.. - gsmtp"
        if (lower.endsWith("gsmtp")) {
            for (int i = words.length - 1; i >= 0; i--) {
                if (words[i].length() > 8 && words[i].indexOf('-') > 0) {
                    return words[i];
                }
            }
        }
        // Amazon SES: "Ok 0100018c2f...-000000"; Sendmail "2.0.0 4AM1x2Y3012345 Message accepted for delivery".
        int first = words.length > 0 && EnhancedCodes.find(250, words[0]) != null ? 1 : 0;
        if (first < words.length && words[first].equalsIgnoreCase("ok") && first + 1 < words.length
                && looksLikeId(words[first + 1])) {
            return words[first + 1];
        }
        if (first < words.length && looksLikeId(words[first]) && lower.contains("accepted")) {
            return words[first];
        }
        return null;
    }

    /** Space-separated tokens without a regular expression (called once per receipt). */
    private static String[] words(String line) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>(8);
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(line.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean looksLikeId(String w) {
        if (w.length() < 8) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-' && c != '.' && c != '_') {
                return false;
            }
        }
        return digit;
    }

    private static String token(String line, int from) {
        int end = from;
        while (end < line.length() && !isEnd(line.charAt(end))) {
            end++;
        }
        return end > from ? line.substring(from, end) : null;
    }

    private static boolean isEnd(char c) {
        return c == ' ' || c == ',' || c == ';' || c == ']' || c == ')';
    }
}
