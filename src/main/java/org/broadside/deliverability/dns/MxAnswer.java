package org.broadside.deliverability.dns;

import java.util.List;

/**
 * The MX answer of one domain. {@code nullMx}: the domain says it accepts no mail (RFC 7505, "MX 0 .").
 * {@code domainExists} false: NXDOMAIN. No hosts and no null MX: fall back to the domain's A/AAAA (implicit MX).
 */
public record MxAnswer(String domain, List<MxHost> hosts, boolean nullMx, boolean domainExists) {
    public MxAnswer {
        hosts = List.copyOf(hosts);
    }

    /** True when there are no MX records at all, so RFC 5321 5.1 says use the domain itself. */
    public boolean implicit() {
        return domainExists && !nullMx && hosts.isEmpty();
    }
}
