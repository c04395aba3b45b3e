package org.broadside.contacts.validation;

/** What DNS says about a domain's ability to receive mail. UNKNOWN (timeout, server failure) is never held against an address. */
public enum MailDomainStatus {
    /** The domain publishes MX records. */
    HAS_MX,
    /** No MX, but an A or AAAA record: mail goes to that host (RFC 5321 implicit MX). */
    HAS_ADDRESS,
    /** The domain does not exist, has neither MX nor address, or publishes a null MX (RFC 7505). */
    NO_MAIL,
    /** DNS did not answer in time or failed; the address is not judged. */
    UNKNOWN;

    public boolean receivesMail() { return this == HAS_MX || this == HAS_ADDRESS; }
}
