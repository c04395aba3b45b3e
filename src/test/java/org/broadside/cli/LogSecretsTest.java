package org.broadside.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.diagnostics.LogFile;
import org.broadside.store.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log file goes into bug reports, so it must never hold a password, the AUTH exchange that encodes it, or a
 * message's body. A real send through GreenMail with a login, with --verbose (the most the log ever gets), then a
 * grep of the log file and of Help > Copy diagnostics, which includes the log's last lines.
 */
class LogSecretsTest {
    static final String USER = "sender";
    static final String PASSWORD = "Log-Pa55word-7c1e!";
    static final String BODY_MARKER = "BODY-MARKER-93f1c2";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    final CliFixture cli = new CliFixture();

    @ParameterizedTest
    @ValueSource(strings = {"plain", "login"})
    void aSendWithALoginLeavesNoPasswordAuthStringOrBodyInTheLog(String auth) throws Exception {
        greenMail.setUser("sender@acme.example", USER, PASSWORD);
        cli.env.put("BROADSIDE_CREDENTIALS", "file");
        cli.env.put("BROADSIDE_PASSPHRASE", "correct horse battery staple");
        cli.env.put("SMTP_PASSWORD", PASSWORD);
        ContactRepository contacts = new ContactRepository(Database.open(cli.data));
        ContactList list = contacts.createList("Customers", List.of("First Name"));
        contacts.upsert(list.id(), List.of(Contact.of("jo@example.com", Map.of("First Name", "Jo")),
                Contact.of("ann@example.com", Map.of("First Name", "Ann"))));
        int port = greenMail.getSmtp().getPort();
        assertThat(cli.run("--verbose", "account", "add", "Local", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--security", "none", "--auth", auth, "--user", USER, "--password-env", "SMTP_PASSWORD")).as(cli.err()).isZero();
        Path campaign = Files.writeString(cli.data.resolve("c.json"), """
                {"id": "secrets", "name": "Secrets", "account": "Local", "list": "Customers",
                 "from": "Acme <sender@acme.example>", "subject": "Hello [First Name]",
                 "text": "Dear [First Name], %s", "unsubscribe": {"mailto": "unsubscribe@acme.example"}}
                """.formatted(BODY_MARKER));
        assertThat(cli.run("--verbose", "send", "--no-dns", campaign.toString())).as(cli.out() + cli.err()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(cli.run("--verbose", "log", campaign.toString())).as(cli.err()).isZero();

        String log = Files.readString(LogFile.in(cli.data), StandardCharsets.UTF_8);
        assertThat(log).as("the log file was written, with the run's DEBUG lines").contains("started: broadside send")
                .contains("Run 1 of campaign").contains("DEBUG").contains("opened: 220");
        for (String secret : secrets()) assertThat(log).doesNotContain(secret);
        String diagnostics = org.broadside.ui.shell.Diagnostics.report(cli.data, List.of());
        assertThat(diagnostics).contains("Log file: " + LogFile.in(cli.data).toAbsolutePath()).contains("Last log lines:");
        for (String secret : secrets()) assertThat(diagnostics).doesNotContain(secret);
    }

    private static List<String> secrets() {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(PASSWORD, BODY_MARKER,
                b64.encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(USER.getBytes(StandardCharsets.UTF_8)),
                "correct horse battery staple");
    }
}
