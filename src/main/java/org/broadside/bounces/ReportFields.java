package org.broadside.bounces;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the field groups of a message/delivery-status or message/feedback-report body (RFC 3464, RFC 5965). */
final class ReportFields {
    private ReportFields() {}

    /** Groups separated by blank lines; field names lower-case; folded lines joined; the first value of a repeated field kept. */
    static List<Map<String, String>> groups(String body) {
        List<Map<String, String>> groups = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        String lastName = null;
        for (String line : body.replace("\r", "").split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) groups.add(current);
                current = new LinkedHashMap<>();
                lastName = null;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                current.computeIfPresent(lastName, (k, v) -> v + " " + line.strip());
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) continue;
                lastName = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                current.putIfAbsent(lastName, line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) groups.add(current);
        return groups;
    }

    /** "rfc822; jane@example.com" becomes "jane@example.com"; null stays null. */
    static String address(String typedValue) {
        if (typedValue == null) return null;
        int semi = typedValue.indexOf(';');
        String a = (semi >= 0 ? typedValue.substring(semi + 1) : typedValue).strip();
        if (a.startsWith("<") && a.endsWith(">")) a = a.substring(1, a.length() - 1).strip();
        return a.isEmpty() ? null : a;
    }

    /** "smtp; 550 5.1.1 User unknown" becomes "550 5.1.1 User unknown". */
    static String diagnostic(String typedValue) {
        if (typedValue == null) return null;
        int semi = typedValue.indexOf(';');
        return (semi >= 0 ? typedValue.substring(semi + 1) : typedValue).strip();
    }
}
