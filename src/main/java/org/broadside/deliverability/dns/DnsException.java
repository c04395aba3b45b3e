package org.broadside.deliverability.dns;

/** A DNS question could not be answered now (timeout, SERVFAIL, network): worth asking again later. */
public class DnsException extends Exception {
    public DnsException(String message, Throwable cause) {
        super(message, cause);
    }
}
