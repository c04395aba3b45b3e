package org.broadside.delivery;

import org.broadside.delivery.smtp.AuthenticationFailedException;
import org.broadside.delivery.smtp.CertificateRejectedException;
import org.broadside.delivery.smtp.ConnectTimeoutException;
import org.broadside.delivery.smtp.Reply;
import org.broadside.delivery.smtp.ServerClosingException;
import org.broadside.delivery.smtp.SmtpException;
import org.broadside.delivery.smtp.SmtpTimeoutException;
import org.broadside.delivery.smtp.TlsRequiredException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;

/**
 * Why an SMTP connection could not be set up, from the exception's type and its causes' types, never from their
 * wording (the JDK's messages differ between platforms and locales).
 */
public final class SmtpSetupFailures {
    private SmtpSetupFailures() {}

    public static SessionException.Failure classify(SmtpException e) {
        if (e instanceof AuthenticationFailedException) return SessionException.Failure.AUTHENTICATION;
        if (e instanceof CertificateRejectedException) return SessionException.Failure.CERTIFICATE;
        if (e instanceof TlsRequiredException) return SessionException.Failure.TLS_MISSING;
        if (e instanceof ServerClosingException) return SessionException.Failure.SERVER_BUSY;
        if (e instanceof ConnectTimeoutException) return SessionException.Failure.TIMED_OUT;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) return SessionException.Failure.UNKNOWN_HOST;
            if (t instanceof ConnectException) return SessionException.Failure.REFUSED;
            if (t instanceof NoRouteToHostException) return SessionException.Failure.NO_ROUTE;
            if (t instanceof SocketTimeoutException) return SessionException.Failure.NO_ANSWER;
            if (t instanceof SSLException || t instanceof GeneralSecurityException) return SessionException.Failure.TLS_FAILED;
        }
        if (e instanceof SmtpTimeoutException) return SessionException.Failure.NO_ANSWER;
        Reply r = e.reply();
        if (r != null && r.code() >= 500) return SessionException.Failure.SERVER_REFUSED;
        if (r != null && r.code() >= 400) return SessionException.Failure.SERVER_BUSY;
        return SessionException.Failure.CONNECTION_LOST;
    }
}
