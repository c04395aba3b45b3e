package org.broadside.ui.dkim;

import org.broadside.deliverability.dkim.DkimKeyStore;
import org.broadside.deliverability.dkim.DkimKeyType;
import org.broadside.deliverability.dkim.DkimKeys;
import org.broadside.deliverability.dkim.DkimRecordCheck.Verdict;
import org.broadside.deliverability.dns.ZoneResolver;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DkimViewModelTest {
    private final ZoneResolver zone = new ZoneResolver();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);
    private Path data;
    private DkimKeyStore store;
    private DkimViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "dkim-vm");
        store = new DkimKeyStore(data);
        vm = new DkimViewModel(store, () -> List.of("news.example.com"), zone.lookup(), new SameThreadRunner(), clock);
    }

    @Test
    void listsTheSendingDomainsAndTheDomainsWithKeys() throws Exception {
        store.generate("shop.example.org", "s1", DkimKeyType.ED25519);

        vm.load(null);

        assertThat(vm.domains()).containsExactly("news.example.com", "shop.example.org");
        assertThat(vm.domainProperty().get()).isEqualTo("news.example.com");
        assertThat(vm.hasKeyProperty().get()).isFalse();
        assertThat(vm.keySummaryProperty().get()).contains("No DKIM key for news.example.com");
    }

    @Test
    void generatingShowsTheRecordToPublishInBothForms() {
        vm.load("news.example.com");
        vm.selectorProperty().set("bs1");

        vm.generate();

        assertThat(vm.hasKeyProperty().get()).isTrue();
        assertThat(vm.keySummaryProperty().get()).contains("RSA 2048-bit key", "\"bs1\"");
        assertThat(vm.recordNameProperty().get()).isEqualTo("bs1._domainkey.news.example.com");
        assertThat(vm.recordValueProperty().get()).startsWith("v=DKIM1; k=rsa; p=").doesNotContain("\"");
        // DNS character-strings hold at most 255 characters: a 2048-bit record needs two.
        assertThat(vm.zoneFileLineProperty().get()).startsWith("bs1._domainkey.news.example.com. IN TXT \"v=DKIM1")
                .contains("\" \"");
        assertThat(Files.exists(store.fileFor("news.example.com", "bs1"))).isTrue();
    }

    @Test
    void theDefaultSelectorNamesTheMonth() {
        assertThat(vm.selectorProperty().get()).isEqualTo("broadside202612");
    }

    @Test
    void aSecondKeyAsksFirstAndThenSigns() throws Exception {
        vm.load("news.example.com");
        assertThat(vm.generatingReplacesAKey()).isFalse();
        vm.selectorProperty().set("bs1");
        vm.generate();
        String first = vm.recordValueProperty().get();
        assertThat(vm.generatingReplacesAKey()).isTrue();

        vm.keyTypeProperty().set(DkimKeyType.ED25519);
        vm.selectorProperty().set("bs1");
        vm.generate();

        assertThat(vm.recordValueProperty().get()).isNotEqualTo(first).startsWith("v=DKIM1; k=ed25519; p=");
        assertThat(store.find("news.example.com").orElseThrow().type()).isEqualTo(DkimKeyType.ED25519);
    }

    @Test
    void afterAKeyANewSelectorIsProposedSoTheOldRecordCanStay() {
        vm.load("news.example.com");
        vm.selectorProperty().set("broadside202612");
        vm.generate();

        assertThat(vm.selectorProperty().get()).isEqualTo("broadside202612b");
        assertThat(DkimViewModel.nextSelector("broadside202612b")).isEqualTo("broadside202612c");
    }

    @Test
    void aBadSelectorIsRefusedNamingTheField() {
        vm.load("news.example.com");
        vm.selectorProperty().set("my selector");

        vm.generate();

        assertThat(vm.problemProperty().get()).contains("\"Selector\"", "my selector");
        assertThat(vm.hasKeyProperty().get()).isFalse();
    }

    @Test
    void aTypedNonDomainIsRefused() {
        vm.select("not a domain");

        assertThat(vm.problemProperty().get()).contains("is not a domain name");
    }

    @Test
    void checkFindsThePublishedMatchingRecord() throws Exception {
        var g = store.generate("news.example.com", "bs1", DkimKeyType.RSA);
        String text = g.recordText();
        zone.txt("bs1._domainkey.news.example.com", text.substring(0, 255), text.substring(255));
        vm.load("news.example.com");

        vm.checkDns();

        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.MATCHES);
        assertThat(vm.checkHeadlineProperty().get()).isEqualTo("Published and matches");
    }

    @Test
    void checkExplainsAMissingRecordAndWhatToDo() throws Exception {
        store.generate("news.example.com", "bs1", DkimKeyType.RSA);
        vm.load("news.example.com");

        vm.checkDns();

        assertThat(vm.checkHeadlineProperty().get()).isEqualTo("Not found");
        assertThat(vm.checkExplanationProperty().get()).contains("bs1._domainkey.news.example.com", "add a TXT record", "Check DNS");
    }

    @Test
    void checkTellsADifferentKeyApart() throws Exception {
        store.generate("news.example.com", "bs1", DkimKeyType.ED25519);
        var other = DkimKeys.generate("x.test", "o", DkimKeyType.ED25519, data.resolve("other.pem"));
        zone.txt("bs1._domainkey.news.example.com", other.recordText());
        vm.load("news.example.com");

        vm.checkDns();

        assertThat(vm.checkHeadlineProperty().get()).isEqualTo("Published, but a different key");
        assertThat(vm.checkExplanationProperty().get()).contains("Replace that record's value");
    }

    @Test
    void checkReportsABrokenRecordAsASyntaxError() throws Exception {
        store.generate("news.example.com", "bs1", DkimKeyType.RSA);
        zone.txt("bs1._domainkey.news.example.com", "v=DKIM1; k=rsa; p=@@not-base64@@");
        vm.load("news.example.com");

        vm.checkDns();

        assertThat(vm.checkHeadlineProperty().get()).isEqualTo("Syntax error");
    }

    @Test
    void aDnsFailureIsNotCalledAMissingRecord() throws Exception {
        store.generate("news.example.com", "bs1", DkimKeyType.RSA);
        zone.servfail("bs1._domainkey.news.example.com");
        vm.load("news.example.com");

        vm.checkDns();

        assertThat(vm.checkHeadlineProperty().get()).isEqualTo("DNS error");
        assertThat(vm.checkExplanationProperty().get()).contains("says nothing about the record");
    }

    @Test
    void choosingAnotherDomainClearsTheLastCheck() throws Exception {
        store.generate("news.example.com", "bs1", DkimKeyType.RSA);
        vm.load("news.example.com");
        vm.checkDns();

        vm.select("other.example.net");

        assertThat(vm.checkHeadlineProperty().get()).isEmpty();
        assertThat(vm.hasKeyProperty().get()).isFalse();
    }
}
