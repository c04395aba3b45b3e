package org.broadside.deliverability.checks;

import java.security.interfaces.RSAPublicKey;
import org.broadside.deliverability.dkim.DkimKey;
import org.broadside.deliverability.dkim.DkimRecordCheck;
import org.broadside.deliverability.dns.DnsLookup;

/** Is a DKIM key set up for the From domain, is it strong enough, and is it published as it is? */
final class DkimCheck {
    private static final String TITLE = "DKIM";

    private DkimCheck() {
    }

    record Outcome(DomainCheck check, boolean passes) {
    }

    static Outcome run(DnsLookup dns, SendingSetup setup) {
        DkimKey key = setup.dkim();
        if (key == null) {
            String detail = "Broadside does not sign these messages with DKIM";
            return setup.direct()
                    ? new Outcome(DomainCheck.fail(TITLE, detail + "; direct delivery without DKIM is rejected or filtered",
                    "generate a key for " + setup.fromDomain() + " and publish its DNS record"), false)
                    : new Outcome(DomainCheck.warn(TITLE, detail + " (the relay may sign; check a received message)",
                    "generate a DKIM key for " + setup.fromDomain() + " unless the relay signs with it"), false);
        }
        if (key.publicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 1024) {
            return new Outcome(DomainCheck.fail(TITLE, "the RSA key has only " + rsa.getModulus().bitLength()
                    + " bits; receivers ignore keys under 1024 bits", "generate a 2048-bit key"), false);
        }
        DkimRecordCheck.Result r = DkimRecordCheck.compare(dns, key.domain(), key.selector(), key.publicKey());
        return switch (r.verdict()) {
            case MATCHES -> new Outcome(DomainCheck.pass(TITLE, r.detail()), true);
            case LOOKUP_FAILED -> new Outcome(DomainCheck.warn(TITLE, r.detail(), "check again later"), false);
            case MISSING -> new Outcome(DomainCheck.fail(TITLE, r.detail(), "publish the TXT record shown by "
                    + "\"generate key\" at " + r.recordName()), false);
            default -> new Outcome(DomainCheck.fail(TITLE, r.detail(), "publish the record of the current key at "
                    + r.recordName() + ", or switch Broadside to the key that is published"), false);
        };
    }
}
