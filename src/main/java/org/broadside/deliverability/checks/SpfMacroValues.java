package org.broadside.deliverability.checks;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What SPF macros expand to (RFC 7208 7.2): the sender, the current domain, the client IP, the HELO name and, only
 * when a record asks for %{p}, the client's validated host name (a DNS lookup, so it is computed on demand).
 */
record SpfMacroValues(String sender, String domain, InetAddress ip, String helo, Supplier<String> validatedName) {

    /** The value of one macro letter (lower case), before transformers; null for a letter that is not defined. */
    String of(char letter) {
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> sender.substring(0, sender.lastIndexOf('@'));
            case 'o' -> sender.substring(sender.lastIndexOf('@') + 1);
            case 'd' -> domain;
            case 'i' -> dotted(ip);
            case 'p' -> validatedName.get();
            case 'v' -> ip instanceof Inet4Address ? "in-addr" : "ip6";
            case 'h' -> helo;
            default -> null;
        };
    }

    /** Same values for another current domain: include and redirect change <domain>, not <sender> (RFC 7208 4.1). */
    SpfMacroValues withDomain(String newDomain) {
        return new SpfMacroValues(sender, newDomain, ip, helo, validatedName);
    }

    /** IPv4 as dotted quad; IPv6 as 32 dot-separated nibbles, highest first (RFC 7208 7.3). */
    private static String dotted(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        StringBuilder out = new StringBuilder(63);
        for (byte b : ip.getAddress()) {
            out.append(Integer.toHexString((b >> 4) & 0xf)).append('.').append(Integer.toHexString(b & 0xf)).append('.');
        }
        return out.substring(0, out.length() - 1).toLowerCase(Locale.ROOT);
    }
}
