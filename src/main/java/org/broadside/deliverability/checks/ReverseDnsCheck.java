package org.broadside.deliverability.checks;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;

/**
 * Direct delivery: the sending IP's PTR must name the EHLO host and that name must resolve back to the IP
 * (forward-confirmed reverse DNS); Gmail defers mail without it (4.7.23).
 */
public final class ReverseDnsCheck {
    private static final String TITLE = "Reverse DNS";

    private ReverseDnsCheck() {
    }

    public static DomainCheck run(DnsLookup dns, InetAddress sendingIp, String ehloName) {
        String ip = sendingIp.getHostAddress();
        String ehlo = ehloName.toLowerCase(Locale.ROOT);
        List<String> names;
        try {
            names = dns.ptr(sendingIp);
        } catch (DnsException e) {
            return DomainCheck.warn(TITLE, "could not look up the PTR record of " + ip + ": " + e.getMessage(), "check again later");
        }
        String fix = "ask whoever owns " + ip + " (your ISP or host) to set its PTR record to " + ehlo
                + ", and give " + ehlo + " an A/AAAA record of " + ip;
        if (names.isEmpty()) {
            return DomainCheck.warn(TITLE, ip + " has no PTR record", fix);
        }
        if (!names.contains(ehlo)) {
            return DomainCheck.warn(TITLE, ip + " reverse-resolves to " + String.join(", ", names) + ", not to the EHLO name "
                    + ehlo, "set the EHLO name to " + names.get(0) + " or " + fix);
        }
        try {
            if (!dns.addresses(ehlo).contains(sendingIp)) {
                return DomainCheck.warn(TITLE, ehlo + " does not resolve back to " + ip, "give " + ehlo + " an A/AAAA record of " + ip);
            }
        } catch (DnsException e) {
            return DomainCheck.warn(TITLE, "could not look up " + ehlo + ": " + e.getMessage(), "check again later");
        }
        return DomainCheck.pass(TITLE, ip + " and " + ehlo + " match in both directions");
    }
}
