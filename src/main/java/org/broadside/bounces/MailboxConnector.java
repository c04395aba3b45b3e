package org.broadside.bounces;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Properties;

/**
 * Opens an IMAP or POP3 store. With TLS the certificate must chain to a trusted root and name the host: the JDK's
 * roots by default, or an explicit trust store (a self-signed server whose certificate the user checked; tests).
 * There is deliberately no way to turn either check off.
 */
public final class MailboxConnector {
    static final int CONNECT_TIMEOUT_MILLIS = 30_000;
    static final int READ_TIMEOUT_MILLIS = 60_000;

    private final SSLSocketFactory socketFactory;

    private MailboxConnector(SSLSocketFactory socketFactory) {
        this.socketFactory = socketFactory;
    }

    /** Trusts the certificate authorities of the JDK. */
    public static MailboxConnector systemTrust() {
        return new MailboxConnector(null);
    }

    /** Trusts only the certificates in this store; host names are still checked. */
    public static MailboxConnector trusting(KeyStore trustStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return new MailboxConnector(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The trust store cannot be used: " + e.getMessage(), e);
        }
    }

    /** The TLS sockets this connector uses: the JDK's trust, or the explicit trust store. */
    SSLSocketFactory tlsSockets() {
        return socketFactory != null ? socketFactory : (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    /** A connected store; the caller closes it. */
    public Store connect(MailboxAccount account, char[] password) {
        String storeName = account.protocol().storeName(account.tls());
        Session session = Session.getInstance(properties(storeName, account.tls()));
        try {
            Store store = session.getStore(storeName);
            store.connect(account.host(), account.port(), account.username(), new String(password));
            return store;
        } catch (AuthenticationFailedException e) {
            throw new MailboxException("The server " + account.host() + " refused the login of " + account.username() + ".", e);
        } catch (MessagingException e) {
            throw new MailboxException("Cannot open the mailbox " + account.name() + " at " + account.host() + ":" + account.port()
                    + ": " + MailboxScanner.rootMessage(e), e);
        }
    }

    private Properties properties(String storeName, boolean tls) {
        String prefix = "mail." + storeName + ".";
        Properties p = new Properties();
        p.put(prefix + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MILLIS));
        p.put(prefix + "timeout", Integer.toString(READ_TIMEOUT_MILLIS));
        // PEEK keeps the server from marking messages as read: messages the scan does not recognise stay untouched.
        p.put(prefix + "peek", "true");
        if (tls) {
            p.put(prefix + "ssl.enable", "true");
            p.put(prefix + "ssl.checkserveridentity", "true");
            p.put(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
            if (socketFactory != null) p.put(prefix + "ssl.socketFactory", socketFactory);
            // Without this, a refused certificate makes Angus retry with the default socket factory, and the user
            // would read that retry's error instead of the real one.
            p.put(prefix + "socketFactory.fallback", "false");
        }
        return p;
    }
}
