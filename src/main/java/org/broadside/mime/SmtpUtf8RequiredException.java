package org.broadside.mime;

/**
 * A message was built with a non-ASCII local part in From, To or Reply-To without being allowed SMTPUTF8 (RFC 6531).
 * A type of its own so callers tell it from other bad arguments without reading the message.
 */
public final class SmtpUtf8RequiredException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    SmtpUtf8RequiredException() {
        super("an address has a non-ASCII local part: it needs SMTPUTF8, use withSmtpUtf8()");
    }
}
