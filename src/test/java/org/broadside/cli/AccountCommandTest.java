package org.broadside.cli;

import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.CredentialKeys;
import org.broadside.accounts.EncryptedFileCredentialStore;
import org.broadside.accounts.RedactingSecrets;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AccountCommandTest {
    static final String PASSWORD = "Tr0ub4dor&3-smtp";
    static final String PASSPHRASE = "a long passphrase";

    @TempDir
    Path data;
    final Map<String, String> env = new HashMap<>(Map.of(
            "BROADSIDE_CREDENTIALS", "file", "BROADSIDE_PASSPHRASE", PASSPHRASE, "SMTP_PASSWORD", PASSWORD));
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
        return run(Stream.concat(Stream.of("account", "add", "Work", "--host", "smtp.example.com", "--port", "587",
                "--security", "starttls", "--auth", "plain", "--user", "me@example.com"), Stream.of(extra)).toArray(String[]::new));
    }

    @Test
    void addThenListShowsTheAccountWithoutItsPassword() {
        assertThat(addWork("--password-env", "SMTP_PASSWORD")).isZero();
        assertThat(out.toString()).contains("added account Work; password kept in the encrypted file");
        assertThat(run("account", "list")).isZero();
        assertThat(out.toString()).contains("NAME", "Work", "smtp.example.com", "587", "starttls", "plain", "me@example.com")
                .doesNotContain(PASSWORD);
    }

    @Test
    void addingAnExistingNameUpdatesIt() {
        addWork();
        assertThat(run("account", "add", "work", "--max-per-day", "250")).isZero();
        assertThat(out.toString()).contains("updated account work");
        var account = new AccountRepository(Database.open(data)).find("Work").orElseThrow();
        assertThat(account.maxPerDay()).isEqualTo(250);
        assertThat(account.host()).isEqualTo("smtp.example.com");
    }

    @Test
    void dataDirectoryHoldsNeitherThePasswordNorItsBase64() throws IOException {
        assertThat(addWork("--password-env", "SMTP_PASSWORD")).isZero();
        assertThat(run("account", "list")).isZero();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("broadside.db", "credentials.enc");
        try (var secrets = RedactingSecrets.of(PASSWORD.toCharArray())) {
            for (Path f : files) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(secrets.revealsAny(content)).as(f.toString()).isFalse();
            }
        }
    }

    @Test
    void passwordIsStoredUnderTheAccountKey() {
        addWork("--password-env", "SMTP_PASSWORD");
        var store = EncryptedFileCredentialStore.open(data, PASSPHRASE.toCharArray());
        assertThat(store.get(CredentialKeys.account("Work"))).hasValueSatisfying(s -> assertThat(new String(s)).isEqualTo(PASSWORD));
    }

    @Test
    void missingPasswordVariableIsAnErrorNamingIt() {
        assertThat(addWork("--password-env", "NOT_SET_ANYWHERE")).isEqualTo(2);
        assertThat(err.toString()).contains("NOT_SET_ANYWHERE").contains("not set or is empty");
        assertThat(new AccountRepository(Database.open(data)).list()).isEmpty();
    }

    @Test
    void emptyPasswordVariableIsAnError() {
        env.put("EMPTY", "");
        assertThat(addWork("--password-env", "EMPTY")).isEqualTo(2);
        assertThat(err.toString()).contains("EMPTY");
    }

    @Test
    void wrongPassphraseIsReportedInOneSentence() {
        addWork("--password-env", "SMTP_PASSWORD");
        env.put("BROADSIDE_PASSPHRASE", "another passphrase");
        assertThat(run("account", "add", "Other", "--preset", "sandbox", "--auth", "plain", "--user", "u", "--password-env", "SMTP_PASSWORD"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("The passphrase does not unlock the credential file.");
    }

    @Test
    void noPassphraseForTheFileIsExplained() {
        env.remove("BROADSIDE_PASSPHRASE");
        assertThat(addWork("--password-env", "SMTP_PASSWORD")).isEqualTo(2);
        assertThat(err.toString()).contains("BROADSIDE_PASSPHRASE");
    }

    @Test
    void removeDeletesTheAccountAndItsPassword() {
        addWork("--password-env", "SMTP_PASSWORD");
        assertThat(run("account", "remove", "work")).isZero();
        assertThat(out.toString()).contains("removed account Work");
        assertThat(new AccountRepository(Database.open(data)).list()).isEmpty();
        var store = EncryptedFileCredentialStore.open(data, PASSPHRASE.toCharArray());
        assertThat(store.get(CredentialKeys.account("Work"))).isEmpty();
    }

    @Test
    void removingAnUnknownAccountIsAnError() {
        assertThat(run("account", "remove", "Nope")).isEqualTo(2);
        assertThat(err.toString()).contains("There is no account named Nope.");
    }

    @Test
    void presetFillsServerAndLimits() {
        assertThat(run("account", "add", "Mine", "--preset", "gmail", "--user", "me@gmail.com")).isZero();
        var account = new AccountRepository(Database.open(data)).find("Mine").orElseThrow();
        assertThat(account.host()).isEqualTo("smtp.gmail.com");
        assertThat(account.maxPerDay()).isEqualTo(500);
        assertThat(out.toString()).contains("No password stored yet");
    }

    @Test
    void cramMd5IsAcceptedAsTyped() {
        assertThat(run("account", "add", "Work", "--host", "smtp.example.com", "--auth", "cram-md5", "--user", "me")).isZero();
        run("account", "list");
        assertThat(out.toString()).contains("cram-md5");
    }

    @Test
    void invalidSettingIsReportedAsASentence() {
        assertThat(addWork("--connections", "100")).isEqualTo(2);
        assertThat(err.toString()).contains("The number of connections must be between 1 and 64, not 100.");
    }

    @Test
    void passwordWithoutLoginIsRefused() {
        assertThat(run("account", "add", "Local", "--preset", "sandbox", "--password-env", "SMTP_PASSWORD")).isEqualTo(2);
        assertThat(err.toString()).contains("--password-env needs a login");
    }

    @Test
    void missingHostWithoutPresetIsExplained() {
        assertThat(run("account", "add", "X", "--port", "25")).isEqualTo(2);
        assertThat(err.toString()).contains("--host");
    }

    @Test
    void helpExplainsWhyPasswordsAreNotArguments() {
        assertThat(run("account", "add", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("never from the command line").contains("--password-env");
    }

    @Test
    void listWithoutAccountsSaysHowToAddOne() {
        assertThat(run("account", "list")).isZero();
        assertThat(out.toString()).contains("No accounts yet");
    }
}
