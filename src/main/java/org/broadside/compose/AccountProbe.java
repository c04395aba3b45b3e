package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountAuth;
import org.broadside.accounts.CredentialStore;
import org.broadside.delivery.smtp.CertificateRejectedException;
import org.broadside.delivery.smtp.SmtpConnection;
import org.broadside.delivery.smtp.SmtpEndpoint;
import org.broadside.delivery.smtp.SmtpException;
import org.broadside.delivery.smtp.SmtpTimeouts;
import org.broadside.delivery.smtp.TlsInfo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * "Test connection" for an account: connects, secures, logs in and says goodbye without sending anything,
 * and reports what the server said. Shared by the account manager and 'broadside account test'.
 */
public final class AccountProbe {
    private AccountProbe() {}

    /**
     * @param greeting          the server's greeting line, or null when none came
     * @param capabilities      EHLO keywords (after STARTTLS when used)
     * @param tls               protocol, cipher and certificate, or null for a plain connection
     * @param rejectedCertificate set when the certificate was not trusted: the user may pin its fingerprint
     * @param transcript        every protocol line, credentials hidden
     * @param problem           null on success, else one sentence
     */
    public record Result(String greeting, List<String> capabilities, TlsInfo tls, CertificateRejectedException rejectedCertificate,
                         boolean authenticated, List<String> transcript, String problem) {
        public boolean ok() { return problem == null; }
    }

    public static Result probe(Account account, CredentialStore credentials, String ehloName) {
        List<String> transcript = new ArrayList<>();
        SmtpEndpoint endpoint;
        try {
            endpoint = AccountLanes.endpoint(account, credentials, ehloName);
        } catch (ComposeException e) {
            return new Result(null, List.of(), null, null, false, transcript, e.getMessage());
        }
        SmtpTimeouts timeouts = SmtpTimeouts.rfc5321().cappedAt(Duration.ofSeconds(30));
        try (SmtpConnection c = SmtpConnection.open(endpoint, timeouts, (d, text) -> {
            synchronized (transcript) {
                transcript.add(switch (d) { case CLIENT -> "C: "; case SERVER -> "S: "; case INFO -> "-- "; } + text);
            }
        })) {
            String greeting = c.greeting() == null ? null : c.greeting().code() + " " + c.greeting().text();
            Result r = new Result(greeting, c.capabilities().keywords(), c.tls(), null, account.auth() != AccountAuth.NONE,
                    List.copyOf(transcript), null);
            c.quit();
            return r;
        } catch (CertificateRejectedException e) {
            return new Result(null, List.of(), null, e, false, List.copyOf(transcript), e.getMessage());
        } catch (SmtpException e) {
            return new Result(null, List.of(), null, null, false, List.copyOf(transcript), e.getMessage());
        }
    }
}
