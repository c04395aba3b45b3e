package org.broadside.accounts;

import org.broadside.testing.StoreBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.broadside.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AccountRepositoryTest {
    @TempDir
    Path dir;
    Database db;
    AccountRepository repository;

    void open(StoreBackend backend) {
        db = backend.open(dir);
        repository = new AccountRepository(db);
    }

    @AfterEach
    void closeStore() {
        if (db != null) db.close();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void savedAccountReadsBackEqual(StoreBackend backend) {
        open(backend);
        Account a = AccountTest.valid().ehloName("mail.example.com").connections(4).group(20, 60_000).maxPerDay(500)
                .pinnedSha256("ab".repeat(32)).build();
        assertThat(repository.save(a)).isTrue();
        assertThat(repository.find("work")).contains(a);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void failureLimitIsSavedAndAnAccountSavedBeforeItExistedGetsTheDefault(StoreBackend backend) {
        open(backend);
        repository.save(AccountTest.valid().maxConnectionFailures(9).build());
        assertThat(repository.find("work").orElseThrow().maxConnectionFailures()).isEqualTo(9);
        String older = AccountJson.write(AccountTest.valid().build()).replaceAll(",\\s*\"maxConnectionFailures\"\\s*:\\s*\\d+", "");
        assertThat(older).doesNotContain("maxConnectionFailures");
        assertThat(AccountJson.read("work", older).maxConnectionFailures()).isEqualTo(Account.DEFAULT_MAX_CONNECTION_FAILURES);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void chunkingWindowIsSavedAndAnAccountSavedBeforeItExistedGetsTheDefault(StoreBackend backend) {
        open(backend);
        repository.save(AccountTest.valid().chunkingWindow(0).build());
        assertThat(repository.find("work").orElseThrow().chunkingWindow()).as("switched off").isZero();
        String older = AccountJson.write(AccountTest.valid().chunkingWindow(9).build()).replaceAll(",\\s*\"chunkingWindow\"\\s*:\\s*\\d+", "");
        assertThat(older).doesNotContain("chunkingWindow");
        assertThat(AccountJson.read("work", older).chunkingWindow()).isEqualTo(Account.DEFAULT_CHUNKING_WINDOW).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void savingAgainUpdatesTheAccountWithThatName(StoreBackend backend) {
        open(backend);
        repository.save(AccountTest.valid().build());
        assertThat(repository.save(AccountTest.valid().name("WORK").maxPerHour(42).build())).isFalse();
        assertThat(repository.list()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("WORK");
            assertThat(a.maxPerHour()).isEqualTo(42);
        });
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void listIsSortedByNameIgnoringCase(StoreBackend backend) {
        open(backend);
        repository.save(AccountTest.valid().name("beta").build());
        repository.save(AccountTest.valid().name("Alpha").build());
        assertThat(repository.list()).extracting(Account::name).containsExactly("Alpha", "beta");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void deleteRemovesTheAccount(StoreBackend backend) {
        open(backend);
        repository.save(AccountTest.valid().build());
        assertThat(repository.delete("Work")).isTrue();
        assertThat(repository.find("Work")).isEmpty();
        assertThat(repository.delete("Work")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void storedConfigContainsNoSecret(StoreBackend backend) {
        open(backend);
        String password = "s3cret-Pa55word!";
        InMemoryCredentialStore credentials = new InMemoryCredentialStore();
        Account a = AccountTest.valid().build();
        credentials.put(CredentialKeys.account(a.name()), password.toCharArray());
        repository.save(a);
        String config = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT config FROM accounts"); ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(config).contains("smtp.example.com").doesNotContain(password)
                .doesNotContain(Base64.getEncoder().encodeToString(password.getBytes()))
                .doesNotContainIgnoringCase("password");
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void credentialKeysIgnoreTheCaseOfTheName(StoreBackend backend) {
        open(backend);
        assertThat(CredentialKeys.account("Work")).isEqualTo(CredentialKeys.account("WORK")).isEqualTo("account:work");
        assertThat(CredentialKeys.importSource("CRM")).isEqualTo("import:crm");
    }
}
