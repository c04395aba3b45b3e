package org.broadside.delivery.smtp;

import java.io.IOException;

/** A wait ran past its deadline even though bytes kept trickling in; mapped to {@link SmtpTimeoutException}. */
final class DeadlineExceededException extends IOException {
    DeadlineExceededException() {
        super("deadline exceeded");
    }
}
