package org.broadside.deliverability.checks;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The organizational domain for DMARC relaxed alignment (RFC 7489 3.2): the public suffix plus one label, by the
 * Public Suffix List that Guava bundles (ADR 0011). Private entries such as github.io count, as in OpenDMARC, so
 * two customers of one hosting suffix do not align with each other.
 */
final class OrganizationalDomain {
    private OrganizationalDomain() {
    }

    static String of(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (!InternetDomainName.isValid(d)) {
            return d;
        }
        InternetDomainName name = InternetDomainName.from(d);
        if (name.isUnderPublicSuffix()) {
            return name.topPrivateDomain().toString();
        }
        if (name.isPublicSuffix()) {
            return d;
        }
        // Not on the list at all: the list's default rule "*" makes the last label the suffix.
        int last = d.lastIndexOf('.');
        int previous = last < 0 ? -1 : d.lastIndexOf('.', last - 1);
        return d.substring(previous + 1);
    }

    /** DMARC alignment: strict needs equal names, relaxed the same organizational domain. */
    static boolean aligned(String a, String b, boolean strict) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        return strict ? x.equals(y) : of(x).equals(of(y));
    }
}
