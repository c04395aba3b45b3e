package org.broadside.deliverability.checks;

import java.util.ArrayList;
import java.util.List;
import org.broadside.deliverability.dns.DnsLookup;

/**
 * The pre-send check of the sending domain: SPF (covers the relay or sending IP?), DKIM (record matches the
 * key?), DMARC (record and alignment), MX of the From domain, and for direct delivery forward/reverse DNS.
 */
public final class DomainChecks {
    private final DnsLookup dns;

    public DomainChecks(DnsLookup dns) {
        this.dns = dns;
    }

    /** One line per check, PASS lines included (for the GUI). */
    public List<DomainCheck> run(SendingSetup setup) {
        List<DomainCheck> out = new ArrayList<>();
        SpfCheck.Outcome spf = SpfCheck.run(dns, setup);
        DkimCheck.Outcome dkim = DkimCheck.run(dns, setup);
        out.add(spf.check());
        out.add(dkim.check());
        out.add(DmarcCheck.run(dns, setup, spf.passes(), dkim.passes()));
        out.add(MxCheck.run(dns, setup.fromDomain()));
        if (setup.direct()) {
            out.add(ReverseDnsCheck.run(dns, setup.sendingIp(), setup.ehloName()));
        }
        return out;
    }
}
