package org.broadside.deliverability.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;

/**
 * A published DMARC policy (RFC 7489): p=, and whether DKIM and SPF alignment are strict; {@code foundAt}
 * is the name it was found at (the From domain's, or its organizational domain's).
 */
public record DmarcRecord(String policy, boolean strictDkim, boolean strictSpf, String raw, String foundAt) {
    /** Looks at _dmarc.DOMAIN, then at _dmarc.ORGANIZATIONAL-DOMAIN; null when neither has a record. */
    public static DmarcRecord find(DnsLookup dns, String fromDomain) throws DnsException {
        DmarcRecord r = at(dns, "_dmarc." + fromDomain);
        String org = OrganizationalDomain.of(fromDomain);
        if (r == null && !org.equalsIgnoreCase(fromDomain)) {
            r = at(dns, "_dmarc." + org);
        }
        return r;
    }

    private static DmarcRecord at(DnsLookup dns, String name) throws DnsException {
        List<String> found = new ArrayList<>();
        for (String txt : dns.txt(name)) {
            if (txt.trim().toLowerCase(Locale.ROOT).replace(" ", "").startsWith("v=dmarc1")) {
                found.add(txt.trim());
            }
        }
        if (found.size() != 1) {
            // RFC 7489 6.6.3: anything but exactly one record means no policy.
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : found.get(0).split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                tags.putIfAbsent(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        return new DmarcRecord(tags.getOrDefault("p", ""), "s".equalsIgnoreCase(tags.get("adkim")),
                "s".equalsIgnoreCase(tags.get("aspf")), found.get(0), name);
    }
}
