package org.broadside.delivery;

import org.broadside.delivery.smtp.SmtpConnectionLostException;
import org.broadside.delivery.smtp.Stage;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed setup is classified by the types of its causes; the wording of their messages does not matter. */
class SmtpSetupFailuresTest {
    private static SessionException.Failure of(Throwable cause) {
        return SmtpSetupFailures.classify(new SmtpConnectionLostException("whatever words", Stage.CONNECT, false, null, cause));
    }

    @Test
    void causeTypesDecideTheFailureWhateverTheirMessages() {
        assertThat(of(new ConnectException("Verbindung abgelehnt"))).isEqualTo(SessionException.Failure.REFUSED);
        assertThat(of(new UnknownHostException("smtp.acme.invalid"))).isEqualTo(SessionException.Failure.UNKNOWN_HOST);
        assertThat(of(new NoRouteToHostException("x"))).isEqualTo(SessionException.Failure.NO_ROUTE);
        assertThat(of(new SSLHandshakeException("connection refused"))).isEqualTo(SessionException.Failure.TLS_FAILED);
        assertThat(of(null)).isEqualTo(SessionException.Failure.CONNECTION_LOST);
    }

    @Test
    void theLogLineCarriesTheFailureSoItCanBeExplainedAgain() {
        String line = ConnectFailureLine.of(SessionException.Failure.UNKNOWN_HOST, "could not connect (to x): y");
        assertThat(ConnectFailureLine.failureOf(line)).isEqualTo(SessionException.Failure.UNKNOWN_HOST);
        assertThat(ConnectFailureLine.failureOf("connecting to 127.0.0.1:25")).isNull();
    }
}
