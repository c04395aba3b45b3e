package org.broadside.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedFileCredentialStoreTest {
    static final String PASSWORD = "Correct-Horse-Battery-9";
    @TempDir
    Path dir;

    EncryptedFileCredentialStore open(String passphrase) {
        return EncryptedFileCredentialStore.open(dir, passphrase.toCharArray());
    }

    Path file() { return dir.resolve(EncryptedFileCredentialStore.FILE_NAME); }

    @Test
    void secretsSurviveReopeningWithThePassphrase() {
        open("my passphrase").put("account:work", PASSWORD.toCharArray());
        EncryptedFileCredentialStore again = open("my passphrase");
        assertThat(again.get("account:work")).hasValueSatisfying(s -> assertThat(new String(s)).isEqualTo(PASSWORD));
        assertThat(again.get("account:other")).isEmpty();
    }

    @Test
    void wrongPassphraseIsRefusedAndLeavesTheFileUntouched() throws Exception {
        open("my passphrase").put("account:work", PASSWORD.toCharArray());
        byte[] before = Files.readAllBytes(file());
        assertThatThrownBy(() -> open("not my passphrase"))
                .isInstanceOf(CredentialStoreException.class)
                .hasMessage("The passphrase does not unlock the credential file.");
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        assertThat(open("my passphrase").get("account:work")).isPresent();
    }

    @Test
    void alteredCiphertextIsDetectedByTheTag() throws Exception {
        open("my passphrase").put("account:work", PASSWORD.toCharArray());
        byte[] bytes = Files.readAllBytes(file());
        bytes[bytes.length - 20] ^= 1;
        Files.write(file(), bytes);
        EncryptedFileCredentialStore store = open("my passphrase");
        assertThatThrownBy(() -> store.get("account:work")).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("damaged or was altered");
    }

    @Test
    void alteredNonceInTheHeaderIsDetected() throws Exception {
        open("my passphrase").put("account:work", PASSWORD.toCharArray());
        byte[] bytes = Files.readAllBytes(file());
        int nonceStart = 8 + 4 + 1 + 16 + 16;
        bytes[nonceStart] ^= 1;
        Files.write(file(), bytes);
        assertThatThrownBy(() -> open("my passphrase").get("account:work")).hasMessageContaining("damaged or was altered");
    }

    @Test
    void fileContainsNeitherTheSecretNorItsBase64() throws Exception {
        open("my passphrase").put("account:work", PASSWORD.toCharArray());
        String content = new String(Files.readAllBytes(file()), StandardCharsets.ISO_8859_1);
        try (RedactingSecrets secrets = RedactingSecrets.of(PASSWORD.toCharArray())) {
            assertThat(secrets.revealsAny(content)).isFalse();
        }
        assertThat(content).doesNotContain(PASSWORD);
    }

    @Test
    void everyWriteUsesAFreshNonce() throws Exception {
        EncryptedFileCredentialStore store = open("my passphrase");
        store.put("account:work", PASSWORD.toCharArray());
        byte[] first = Files.readAllBytes(file());
        store.put("account:work", PASSWORD.toCharArray());
        byte[] second = Files.readAllBytes(file());
        int nonceStart = 8 + 4 + 1 + 16 + 16;
        assertThat(java.util.Arrays.copyOfRange(second, nonceStart, nonceStart + 12))
                .isNotEqualTo(java.util.Arrays.copyOfRange(first, nonceStart, nonceStart + 12));
    }

    @Test
    void headerRecordsAtLeast310000Iterations() throws Exception {
        open("my passphrase").put("k", "v".toCharArray());
        int iterations = ByteBuffer.wrap(Files.readAllBytes(file()), 8, 4).getInt();
        assertThat(iterations).isGreaterThanOrEqualTo(310_000);
    }

    @Test
    void deleteRemovesOnlyThatSecret() {
        EncryptedFileCredentialStore store = open("my passphrase");
        store.put("account:a", "one-secret".toCharArray());
        store.put("account:b", "two-secret".toCharArray());
        store.delete("account:a");
        assertThat(store.get("account:a")).isEmpty();
        assertThat(store.get("account:b")).isPresent();
    }

    @Test
    void writesLeaveNoTemporaryFileBehind() throws Exception {
        open("my passphrase").put("k", "value".toCharArray());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("credentials.enc.tmp");
        }
    }

    @Test
    void aNewFileNeedsAPassphraseOfEightCharacters() {
        assertThatThrownBy(() -> open("short")).hasMessageContaining("at least 8 characters");
    }

    @Test
    void nonAsciiSecretsRoundTrip() {
        open("my passphrase").put("k", "pässwörd-日本".toCharArray());
        assertThat(open("my passphrase").get("k")).hasValueSatisfying(s -> assertThat(new String(s)).isEqualTo("pässwörd-日本"));
    }

    @Test
    void theGivenPassphraseArrayIsWiped() {
        char[] passphrase = "my passphrase".toCharArray();
        EncryptedFileCredentialStore.open(dir, passphrase);
        assertThat(new String(passphrase)).isEqualTo("\0".repeat(13));
    }

    @Test
    void twoStoresOnOneFileKeepEachOthersSecrets() throws Exception {
        EncryptedFileCredentialStore first = open("my passphrase");
        first.put("seed", "seed-value".toCharArray());
        EncryptedFileCredentialStore second = open("my passphrase");
        Thread a = new Thread(() -> { for (int i = 0; i < 10; i++) first.put("a" + i, "value".toCharArray()); });
        Thread b = new Thread(() -> { for (int i = 0; i < 10; i++) second.put("b" + i, "value".toCharArray()); });
        a.start();
        b.start();
        a.join();
        b.join();
        EncryptedFileCredentialStore check = open("my passphrase");
        for (int i = 0; i < 10; i++) {
            assertThat(check.get("a" + i)).as("a" + i).isPresent();
            assertThat(check.get("b" + i)).as("b" + i).isPresent();
        }
    }
}
