package org.broadside.delivery.direct;

import java.net.InetAddress;

/** One address to try for a destination: the MX host name (for TLS and logs) and the checked IP connected to. */
public record Target(String mxHost, int preference, InetAddress address) {
    /** The address as a literal, so connecting never triggers a second (possibly different) DNS lookup. */
    public String literal() {
        return address.getHostAddress();
    }

    @Override
    public String toString() {
        return mxHost + " [" + literal() + "]";
    }
}
