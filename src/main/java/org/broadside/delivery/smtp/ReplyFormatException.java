package org.broadside.delivery.smtp;

import java.io.IOException;

/** A reply that breaks RFC 5321 syntax or our size limits; mapped to {@link SmtpProtocolException}. */
final class ReplyFormatException extends IOException {
    ReplyFormatException(String message) {
        super(message);
    }
}
