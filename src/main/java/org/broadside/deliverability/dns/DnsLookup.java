package org.broadside.deliverability.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * The DNS questions deliverability needs. Names that do not exist (NXDOMAIN) or have no such record give
 * empty answers; only failures that might go away (timeout, SERVFAIL) throw {@link DnsException}.
 */
public interface DnsLookup {
    /** MX records in preference order (lowest first), or the null-MX / no-MX answer (RFC 7505, RFC 5321 5.1). */
    MxAnswer mx(String domain) throws DnsException;

    /** A and AAAA addresses of a host, IPv4 first. */
    List<InetAddress> addresses(String host) throws DnsException;

    /** Each TXT record as one string (its character-strings joined without separator, as SPF and DKIM read them). */
    List<String> txt(String name) throws DnsException;

    /** Host names of a PTR lookup for this address, without the trailing dot. */
    List<String> ptr(InetAddress address) throws DnsException;
}
