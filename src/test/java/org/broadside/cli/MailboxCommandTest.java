package org.broadside.cli;

import org.broadside.accounts.EncryptedFileCredentialStore;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.MailboxCredentials;
import org.broadside.bounces.MailboxRepository;
import org.broadside.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxCommandTest {
    static final String PASSWORD = "imap-Pa55word!";
    static final String PASSPHRASE = "a long passphrase";

    @TempDir
    Path data;
    final Map<String, String> env = new HashMap<>(Map.of(
            "BROADSIDE_CREDENTIALS", "file", "BROADSIDE_PASSPHRASE", PASSPHRASE, "MAILBOX_PASSWORD", PASSWORD));
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @AfterEach
    void restoreEnvironment() {
        Environment.reset();
    }

    int run(String... args) {
        Environment.use(() -> env);
        String[] all = Stream.concat(Stream.of("--data", data.toString()), Stream.of(args)).toArray(String[]::new);
        return BroadsideCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    }

    int addWork(String... extra) {
        return run(Stream.concat(Stream.of("mailbox", "add", "Work", "--protocol", "imap", "--host", "imap.example.org",
                "--user", "bounces@example.org"), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void addThenListShowsTheMailboxWithoutItsPassword() {
        assertThat(addWork("--password-env", "MAILBOX_PASSWORD", "--move-to", "Processed")).isZero();
        assertThat(out.toString()).contains("added mailbox Work; password kept in the encrypted file");
        assertThat(run("mailbox", "list")).isZero();
        assertThat(out.toString()).contains("NAME", "Work", "imap", "imap.example.org", "993", "yes", "bounces@example.org", "INBOX",
                "move to Processed").doesNotContain(PASSWORD);
    }

    @Test
    void passwordIsStoredUnderTheMailboxKeyAndNotInTheDatabase() throws IOException {
        addWork("--password-env", "MAILBOX_PASSWORD");
        var store = EncryptedFileCredentialStore.open(data, PASSPHRASE.toCharArray());
        assertThat(store.get(MailboxCredentials.key("work"))).hasValueSatisfying(s -> assertThat(new String(s)).isEqualTo(PASSWORD));
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void withoutTlsThePlainPortIsTheDefault() {
        assertThat(addWork("--no-tls", "--delete")).isZero();
        var saved = new MailboxRepository(Database.open(data)).find("Work").orElseThrow();
        assertThat(saved.port()).isEqualTo(143);
        assertThat(saved.tls()).isFalse();
        assertThat(saved.afterScan()).isEqualTo(AfterScan.DELETE);
        assertThat(out.toString()).contains("No new password stored");
    }

    @Test
    void pop3WithMoveToIsRefusedInOneSentence() {
        assertThat(run("mailbox", "add", "Pop", "--protocol", "pop3", "--host", "pop.example.org", "--user", "u", "--move-to", "Done"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("POP3 has no folders to move processed messages to: choose to delete them instead (--delete on the command line), or use IMAP.");
    }

    @Test
    void moveToAndDeleteExcludeEachOther() {
        assertThat(addWork("--move-to", "Processed", "--delete")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void missingPasswordVariableIsNamedAndNothingIsSaved() {
        assertThat(addWork("--password-env", "NOT_SET")).isEqualTo(2);
        assertThat(err.toString()).contains("NOT_SET").contains("not set or is empty");
        assertThat(new MailboxRepository(Database.open(data)).list()).isEmpty();
    }

    @Test
    void unknownProtocolIsRefused() {
        assertThat(run("mailbox", "add", "X", "--protocol", "smtp", "--host", "h", "--user", "u")).isEqualTo(2);
        assertThat(err.toString()).contains("protocol must be imap or pop3, not 'smtp'");
    }

    @Test
    void removeForgetsTheMailboxAndItsPassword() {
        addWork("--password-env", "MAILBOX_PASSWORD");
        assertThat(run("mailbox", "remove", "work")).isZero();
        assertThat(new MailboxRepository(Database.open(data)).list()).isEmpty();
        assertThat(EncryptedFileCredentialStore.open(data, PASSPHRASE.toCharArray()).get(MailboxCredentials.key("work"))).isEmpty();
    }

    @Test
    void emptyListSaysHowToAddOne() {
        assertThat(run("mailbox", "list")).isZero();
        assertThat(out.toString()).contains("No mailboxes yet.");
    }
}
