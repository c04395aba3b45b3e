package org.broadside.deliverability.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DkimKeysTest {
    @TempDir
    Path dir;

    @Test
    void generatedRsaKeyIs2048BitsAndItsRecordCarriesThePublicKey() throws Exception {
        var g = DkimKeys.generate("Example.TEST", "s1", DkimKeyType.RSA, dir.resolve("rsa.pem"));

        assertThat(g.recordName()).isEqualTo("s1._domainkey.example.test");
        assertThat(g.recordText()).startsWith("v=DKIM1; k=rsa; p=MIIBIjAN");
        assertThat(((java.security.interfaces.RSAPublicKey) g.key().publicKey()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void ed25519RecordCarriesTheRaw32ByteKey() throws Exception {
        var g = DkimKeys.generate("example.test", "e1", DkimKeyType.ED25519, dir.resolve("ed.pem"));

        String p = g.recordText().substring(g.recordText().indexOf("p=") + 2);
        assertThat(g.recordText()).startsWith("v=DKIM1; k=ed25519; p=");
        assertThat(Base64.getDecoder().decode(p)).hasSize(32);
    }

    @Test
    void loadingTheWrittenPemGivesBackTheSamePublicKey() throws Exception {
        for (DkimKeyType type : DkimKeyType.values()) {
            Path pem = dir.resolve(type + ".pem");
            var g = DkimKeys.generate("example.test", "k", type, pem);

            DkimKey loaded = DkimKey.load("example.test", "k", pem);

            assertThat(loaded.type()).isEqualTo(type);
            assertThat(loaded.publicKey().getEncoded()).isEqualTo(g.key().publicKey().getEncoded());
        }
    }

    @Test
    void generateNeverOverwritesAnExistingKeyFile() throws Exception {
        Path pem = dir.resolve("existing.pem");
        Files.writeString(pem, "precious");

        assertThatThrownBy(() -> DkimKeys.generate("example.test", "k", DkimKeyType.RSA, pem))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(pem)).isEqualTo("precious");
    }

    @Test
    void keyFileIsReadableByTheOwnerOnly() throws Exception {
        Path pem = dir.resolve("private.pem");
        DkimKeys.generate("example.test", "k", DkimKeyType.ED25519, pem);

        if (Files.getFileStore(pem).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(pem)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void pkcs1PemIsRefusedWithTheConversionCommand() {
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> DkimKey.fromPem("example.test", "k", pkcs1)).isInstanceOf(InvalidKeySpecException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");
    }

    @Test
    void longRecordIsSplitInto255ByteStringsForTheZoneFile() throws Exception {
        var g = DkimKeys.generate("example.test", "s1", DkimKeyType.RSA, dir.resolve("rsa.pem"));

        String zone = DkimKeys.zoneFileValue(g.recordText());

        assertThat(zone).matches("(\"[^\"]{1,255}\" ?)+");
        assertThat(zone.replace("\" \"", "").replace("\"", "")).isEqualTo(g.recordText());
    }

    @Test
    void selectorMustBeDnsLabels() {
        assertThatThrownBy(() -> DkimKeys.generate("example.test", "bad selector", DkimKeyType.RSA, dir.resolve("x.pem")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
