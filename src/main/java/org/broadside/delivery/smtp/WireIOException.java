package org.broadside.delivery.smtp;

import java.io.IOException;

/** Marks an I/O failure of the socket itself, so it is not mistaken for a failure of the message producer. */
final class WireIOException extends IOException {
    WireIOException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
