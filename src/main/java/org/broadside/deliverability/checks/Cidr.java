package org.broadside.deliverability.checks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address-prefix matching for SPF ip4/ip6/a/mx terms. */
final class Cidr {
    private Cidr() {
    }

    /** True when {@code ip} is inside {@code network}/{@code bits}; different address families never match. */
    static boolean contains(InetAddress network, int bits, InetAddress ip) {
        byte[] n = network.getAddress();
        byte[] a = ip.getAddress();
        if (n.length != a.length || bits < 0 || bits > n.length * 8) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (n[i] != a[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (n[full] & mask) == (a[full] & mask);
    }

    /** Parses an address literal without any DNS lookup; null when it is not one. */
    static InetAddress literal(String s) {
        if (s.isEmpty() || !(s.indexOf(':') >= 0 || s.matches("[0-9.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
