package org.broadside.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.broadside.delivery.smtp.SmtpTestSupport.FAST;
import static org.broadside.delivery.smtp.SmtpTestSupport.plain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.broadside.delivery.smtp.SmtpTestSupport.RecordingListener;
import org.broadside.testing.smtp.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthTest {
    private static final String USER = "alice@example.com";
    private static final String SECRET = "Tr0ub4dor&3-secret";
    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start().auth(USER, SECRET, "PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = AuthMechanism.class, names = {"PLAIN", "LOGIN", "CRAM_MD5", "XOAUTH2"})
    void loginSucceedsAndTheListenerNeverSeesTheSecretOrItsBase64(AuthMechanism m) throws Exception {
        RecordingListener log = new RecordingListener();
        try (SmtpConnection c = SmtpConnection.open(plain(server).withAuth(m, USER, SECRET::toCharArray), FAST, log)) {
            assertThat(c.isUsable()).isTrue();
        }
        String all = log.all();
        assertThat(all).contains("<credentials hidden>");
        assertThat(all).doesNotContain(SECRET);
        assertThat(all).doesNotContain(b64(SECRET));
        assertThat(all).doesNotContain(b64("\0" + USER + "\0" + SECRET));
        assertThat(all).doesNotContain(b64("user=" + USER + "\u0001auth=Bearer " + SECRET + "\u0001\u0001"));
        assertThat(all).doesNotContain(b64(USER));
    }

    @Test
    void plainAuthIsLoggedAsHidden() throws Exception {
        RecordingListener log = new RecordingListener();
        try (SmtpConnection c = SmtpConnection.open(plain(server).withAuth(AuthMechanism.PLAIN, USER, SECRET::toCharArray),
                FAST, log)) {
            assertThat(c.isUsable()).isTrue();
            assertThat(log.lines).contains("CLIENT: AUTH PLAIN <credentials hidden>");
        }
    }

    @Test
    void wrongPasswordThrowsAuthenticationFailedWithTheReply() {
        AuthenticationFailedException e = catchThrowableOfType(AuthenticationFailedException.class, () -> SmtpConnection.open(
                plain(server).withAuth(AuthMechanism.LOGIN, USER, "wrong"::toCharArray), FAST, null));

        assertThat(e.reply().code()).isEqualTo(535);
        assertThat(e.reply().enhancedCode()).isEqualTo("5.7.8");
    }

    @Test
    void mechanismNotOfferedIsAClearError() throws Exception {
        server.close();
        server = ScriptedSmtpServer.start().auth(USER, SECRET, "LOGIN");
        AuthenticationFailedException e = catchThrowableOfType(AuthenticationFailedException.class, () -> SmtpConnection.open(
                plain(server).withAuth(AuthMechanism.CRAM_MD5, USER, SECRET::toCharArray), FAST, null));

        assertThat(e).hasMessageContaining("does not offer AUTH CRAM-MD5").hasMessageContaining("LOGIN");
        assertThat(server.commandLines()).noneMatch(l -> l.startsWith("AUTH"));
    }

    @Test
    void secretIsFetchedOnlyWhenAuthRuns() throws Exception {
        server.close();
        server = ScriptedSmtpServer.start();
        server.greeting("554 5.7.1 go away");
        boolean[] fetched = {false};
        catchThrowableOfType(SmtpRejectedException.class, () -> SmtpConnection.open(plain(server).withAuth(AuthMechanism.PLAIN, USER, () -> {
            fetched[0] = true;
            return SECRET.toCharArray();
        }), FAST, null));

        assertThat(fetched[0]).isFalse();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
