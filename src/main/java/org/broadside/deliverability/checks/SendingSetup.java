package org.broadside.deliverability.checks;

import java.net.InetAddress;
import java.util.Objects;
import org.broadside.deliverability.dkim.DkimKey;

/**
 * What the domain checks look at: the From domain, the envelope (MAIL FROM) domain SPF is checked for, and
 * either the relay host or, for direct delivery, the sending IP and EHLO name. {@code dkim} may be null.
 */
public record SendingSetup(String fromDomain, String envelopeDomain, String relayHost, InetAddress sendingIp,
                           String ehloName, DkimKey dkim) {
    public SendingSetup {
        Objects.requireNonNull(fromDomain, "fromDomain");
        envelopeDomain = envelopeDomain == null ? fromDomain : envelopeDomain;
        if ((relayHost == null) == (sendingIp == null)) {
            throw new IllegalArgumentException("give either a relay host or a sending IP");
        }
    }

    public static SendingSetup relay(String fromDomain, String envelopeDomain, String relayHost, DkimKey dkim) {
        return new SendingSetup(fromDomain, envelopeDomain, relayHost, null, null, dkim);
    }

    public static SendingSetup direct(String fromDomain, String envelopeDomain, InetAddress sendingIp, String ehloName,
                                      DkimKey dkim) {
        return new SendingSetup(fromDomain, envelopeDomain, null, sendingIp, ehloName, dkim);
    }

    public boolean direct() {
        return sendingIp != null;
    }
}
