package org.broadside.delivery.direct;

import org.broadside.delivery.smtp.SmtpConnection;

/** One open SMTP connection to one target of one destination domain, as a session keeps it between messages. */
final class DirectConnection {
    final String domain;
    final Target target;
    final SmtpConnection smtp;
    long lastUsed = System.nanoTime();
    int messages;
    /** The last transaction broke before the server answered MAIL: nothing of the message was taken. */
    boolean brokeBeforeMail;

    DirectConnection(String domain, Target target, SmtpConnection smtp) {
        this.domain = domain;
        this.target = target;
        this.smtp = smtp;
    }

    boolean idleLongerThan(long nanos) {
        return System.nanoTime() - lastUsed > nanos;
    }
}
