package org.broadside.deliverability.checks;

import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;

/** DMARC: a record must exist for bulk senders (p=none is enough) and SPF or DKIM must pass aligned with From. */
final class DmarcCheck {
    private static final String TITLE = "DMARC";

    private DmarcCheck() {
    }

    static DomainCheck run(DnsLookup dns, SendingSetup setup, boolean spfPasses, boolean dkimPasses) {
        String from = setup.fromDomain();
        DmarcRecord dmarc;
        try {
            dmarc = DmarcRecord.find(dns, from);
        } catch (DnsException e) {
            return DomainCheck.warn(TITLE, "could not look up the DMARC record of " + from + ": " + e.getMessage(), "check again later");
        }
        if (dmarc == null) {
            return DomainCheck.fail(TITLE, from + " has no DMARC record; Gmail and Yahoo require one from bulk senders",
                    "publish a TXT record at _dmarc." + from + " such as \"v=DMARC1; p=none; rua=mailto:dmarc@" + from + "\"");
        }
        boolean spfAligned = spfPasses && OrganizationalDomain.aligned(setup.envelopeDomain(), from, dmarc.strictSpf());
        boolean dkimAligned = dkimPasses && OrganizationalDomain.aligned(setup.dkim().domain(), from, dmarc.strictDkim());
        String policy = "policy p=" + (dmarc.policy().isEmpty() ? "(missing)" : dmarc.policy()) + " at " + dmarc.foundAt();
        if (spfAligned || dkimAligned) {
            return DomainCheck.pass(TITLE, policy + "; aligned through " + (dkimAligned && spfAligned ? "DKIM and SPF"
                    : dkimAligned ? "DKIM" : "SPF"));
        }
        String why = "neither a passing SPF for " + setup.envelopeDomain() + " nor a passing DKIM signature"
                + (setup.dkim() == null ? "" : " for " + setup.dkim().domain()) + " is aligned with the From domain " + from;
        return DomainCheck.fail(TITLE, policy + "; " + why,
                "sign with a DKIM key of " + from + " (or its parent domain) and publish it, or send with an envelope "
                        + "sender under " + from + " that SPF authorises");
    }
}
