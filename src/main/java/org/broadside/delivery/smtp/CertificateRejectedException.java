package org.broadside.delivery.smtp;

/**
 * The server's certificate was not trusted. Carries what the user needs to decide to pin it: the SHA-256
 * fingerprint, subject, issuer and reason.
 */
public class CertificateRejectedException extends SmtpException {
    private final String sha256Fingerprint;
    private final String subject;
    private final String issuer;
    private final String reason;

    public CertificateRejectedException(Stage stage, String sha256Fingerprint, String subject, String issuer,
                                        String reason, Throwable cause) {
        super("the server's certificate was rejected (" + reason + "); subject " + subject + ", SHA-256 "
                + sha256Fingerprint + "; pin this fingerprint only if you trust this server", stage, false, null, cause);
        this.sha256Fingerprint = sha256Fingerprint;
        this.subject = subject;
        this.issuer = issuer;
        this.reason = reason;
    }

    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    public String subject() {
        return subject;
    }

    public String issuer() {
        return issuer;
    }

    public String reason() {
        return reason;
    }
}
