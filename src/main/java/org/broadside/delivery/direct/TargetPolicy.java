package org.broadside.delivery.direct;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses direct delivery may connect to. A recipient domain is chosen by whoever is on the list, so
 * its MX could point at the user's own network or a cloud metadata service; such targets are refused.
 */
public final class TargetPolicy {
    private static final TargetPolicy STANDARD = new TargetPolicy(false);
    private static final TargetPolicy LOOPBACK_FOR_TESTS = new TargetPolicy(true);

    private final boolean allowLoopback;

    private TargetPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** Public unicast addresses only. */
    public static TargetPolicy standard() {
        return STANDARD;
    }

    /** Tests only: additionally allows 127.0.0.0/8 and ::1 so scripted servers can stand in for destinations. */
    public static TargetPolicy allowingLoopbackForTests() {
        return LOOPBACK_FOR_TESTS;
    }

    /** Why this address is refused, or empty when it may be connected to. */
    public Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return ipv4(b, "");
        }
        return ipv6(b);
    }

    public boolean allows(InetAddress address) {
        return refusal(address).isEmpty();
    }

    private Optional<String> ipv4(byte[] b, String form) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        String why = null;
        if (a0 == 127) {
            why = allowLoopback ? null : "loopback";
        } else if (a0 == 0) {
            why = "\"this network\" (0.0.0.0/8)";
        } else if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            why = "private network";
        } else if (a0 == 169 && a1 == 254) {
            why = "link-local (includes the cloud metadata service 169.254.169.254)";
        } else if (a0 == 100 && (a1 & 0xc0) == 64) {
            why = "carrier-grade NAT (100.64.0.0/10)";
        } else if (a0 >= 224 && a0 <= 239) {
            why = "multicast";
        } else if (a0 >= 240) {
            why = "reserved or broadcast";
        }
        return why == null ? Optional.empty() : Optional.of(why + form);
    }

    private Optional<String> ipv6(byte[] b) {
        boolean first10Zero = allZero(b, 0, 10);
        if (first10Zero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4(slice(b, 12), " (IPv4-mapped)");
        }
        if (allZero(b, 0, 12)) {
            if (allZero(b, 12, 15) && b[15] == 1) {
                return allowLoopback ? Optional.empty() : Optional.of("loopback (::1)");
            }
            if (allZero(b, 12, 16)) {
                return Optional.of("unspecified address (::)");
            }
            return ipv4(slice(b, 12), " (IPv4-compatible)");
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of("unique local address (fc00::/7)");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return Optional.of("link-local (fe80::/10)");
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return Optional.of("site-local (fec0::/10)");
        }
        if (b0 == 0xff) {
            return Optional.of("multicast");
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return ipv4(slice(b, 12), " (NAT64)");
        }
        if (b0 == 0x20 && b1 == 0x02) {
            // 6to4 routes to the embedded IPv4 address.
            return ipv4(new byte[] {b[2], b[3], b[4], b[5]}, " (6to4)");
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] b, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(b, from, v4, 0, 4);
        return v4;
    }

    @Override
    public String toString() {
        return allowLoopback ? "TargetPolicy[loopback allowed for tests]" : "TargetPolicy[public unicast only]";
    }
}
