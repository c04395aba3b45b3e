package org.broadside.delivery.direct;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;
import org.broadside.deliverability.dns.MxAnswer;
import org.broadside.deliverability.dns.MxHost;

/**
 * Turns a recipient domain into targets (RFC 5321 section 5.1): MX in preference order, the domain's own
 * A/AAAA when there is no MX, nothing for a null MX. Every address passes the {@link TargetPolicy} here, and
 * the connection later goes to exactly that address.
 */
public final class RouteResolver {
    /** More addresses than this are not tried for one message; they would only delay the deferral. */
    static final int MAX_TARGETS = 10;

    private final DnsLookup dns;
    private final TargetPolicy policy;

    public RouteResolver(DnsLookup dns, TargetPolicy policy) {
        this.dns = dns;
        this.policy = policy;
    }

    public Route resolve(String domain) {
        MxAnswer mx;
        try {
            mx = dns.mx(domain);
        } catch (DnsException e) {
            return Route.failed(domain, "MX lookup failed: " + e.getMessage(), false);
        }
        if (!mx.domainExists()) {
            return Route.failed(domain, "domain " + domain + " does not exist (NXDOMAIN)", true);
        }
        if (mx.nullMx()) {
            return Route.failed(domain, "domain accepts no mail (null MX)", true);
        }
        List<MxHost> hosts = mx.implicit() ? List.of(new MxHost(0, domain)) : mx.hosts();
        List<Target> targets = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        boolean temporary = false;
        for (MxHost host : hosts) {
            List<InetAddress> addresses;
            try {
                addresses = dns.addresses(host.host());
            } catch (DnsException e) {
                temporary = true;
                unresolved.add(host.host() + ": " + e.getMessage());
                continue;
            }
            if (addresses.isEmpty()) {
                unresolved.add(host.host() + " has no address");
            }
            for (InetAddress a : addresses) {
                Optional<String> why = policy.refusal(a);
                if (why.isPresent()) {
                    refused.add(host.host() + " [" + a.getHostAddress() + "]: " + why.get());
                } else if (targets.size() < MAX_TARGETS) {
                    targets.add(new Target(host.host(), host.preference(), a));
                }
            }
        }
        if (!targets.isEmpty()) {
            return Route.to(domain, targets);
        }
        List<String> reasons = new ArrayList<>(refused);
        reasons.addAll(unresolved);
        String via = mx.implicit() ? "no MX; the domain's own address" : "MX";
        if (!refused.isEmpty() && !temporary) {
            return Route.failed(domain, "refused to deliver to " + domain + " (" + via + "): " + String.join("; ", reasons), true);
        }
        return Route.failed(domain, "no usable address for " + domain + " (" + via + "): " + String.join("; ", reasons), !temporary);
    }
}
