package org.broadside.deliverability.checks;

import java.util.Locale;
import java.util.Set;

/**
 * The organizational domain for DMARC relaxed alignment (RFC 7489 3.2), approximated without the Public Suffix
 * List: the last two labels, or three under common second-level registries such as co.uk or com.au.
 */
final class OrganizationalDomain {
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "ac", "gov", "edu", "ne", "or",
            "go", "gv", "nic", "ltd", "plc", "sch", "mil");

    private OrganizationalDomain() {
    }

    static String of(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        String[] labels = d.split("\\.");
        int keep = 2;
        if (labels.length >= 3 && labels[labels.length - 1].length() == 2 && SECOND_LEVEL.contains(labels[labels.length - 2])) {
            keep = 3;
        }
        if (labels.length <= keep) {
            return d;
        }
        return String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - keep, labels.length));
    }

    /** DMARC alignment: strict needs equal names, relaxed the same organizational domain. */
    static boolean aligned(String a, String b, boolean strict) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return strict ? x.equals(y) : of(x).equals(of(y));
    }
}
