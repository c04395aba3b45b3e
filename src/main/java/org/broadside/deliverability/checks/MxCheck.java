package org.broadside.deliverability.checks;

import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;
import org.broadside.deliverability.dns.MxAnswer;

/** The From domain must receive mail: replies, bounces and some receivers' sender checks depend on it. */
final class MxCheck {
    private static final String TITLE = "MX";

    private MxCheck() {
    }

    static DomainCheck run(DnsLookup dns, String from) {
        MxAnswer mx;
        try {
            mx = dns.mx(from);
        } catch (DnsException e) {
            return DomainCheck.warn(TITLE, "could not look up the MX of " + from + ": " + e.getMessage(), "check again later");
        }
        if (!mx.domainExists()) {
            return DomainCheck.fail(TITLE, from + " does not exist in DNS", "send from a domain you own");
        }
        if (mx.nullMx()) {
            return DomainCheck.warn(TITLE, from + " publishes a null MX: it accepts no mail, so replies will bounce",
                    "use a From domain that receives mail, or set a Reply-To that does");
        }
        if (mx.implicit()) {
            try {
                if (dns.addresses(from).isEmpty()) {
                    return DomainCheck.fail(TITLE, from + " has neither MX nor address records: it cannot receive replies",
                            "add MX records for " + from);
                }
            } catch (DnsException e) {
                return DomainCheck.warn(TITLE, "could not look up " + from + ": " + e.getMessage(), "check again later");
            }
            return DomainCheck.warn(TITLE, from + " has no MX records; mail to it goes to its own address",
                    "add MX records for " + from);
        }
        return DomainCheck.pass(TITLE, from + " receives mail at " + mx.hosts().get(0).host());
    }
}
