package org.broadside.contacts.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisposableDomainsTest {
    private final Path data = TempDirs.create("disposable");

    @ParameterizedTest
    @ValueSource(strings = {"0-mail.com", "10minutemail.co.uk", "guerrillamailblock.com", "wegwerfmail.de", "zzz.com"})
    void domainsOfTheShippedListAreRecognised(String domain) {
        assertThat(DisposableDomains.isDisposable(domain)).isTrue();
    }

    @Test
    void theShippedListHasTheWholePackageList() {
        // disposable-email-domains 1.0.62: index.json and wildcard.json merged, 121,581 lines; twelve internationalised
        // names are written both in Unicode and in punycode there, and are one domain each in ASCII form.
        assertThat(DisposableDomains.bundled().size()).isEqualTo(121_569);
        assertThat(DisposableDomains.isDisposable("gmail.com")).isFalse();
        assertThat(DisposableDomains.isDisposable("gmx.de")).isFalse();
    }

    @Test
    void theNpmPackagesJsonArrayInstallsAsIsAndAnEntryThatIsNoDomainIsNamed() throws Exception {
        Path json = Files.writeString(data.resolve("index.json"), "[\n  \"json-throwaway.example\",\n  \"Other.Example\"\n]\n");

        assertThat(DisposableDomains.install(json, data)).isEqualTo(2);
        assertThat(DisposableDomains.forDataDirectory(data).contains("other.example")).isTrue();

        Path bad = Files.writeString(data.resolve("bad.json"), "[\"good.example\", \"not a domain\"]");
        assertThatThrownBy(() -> DisposableDomains.install(bad, data)).isInstanceOf(DisposableListException.class)
                .hasMessageContaining("entry 2");
        assertThat(DisposableDomains.forDataDirectory(data).contains("json-throwaway.example")).isTrue();
    }

    @Test
    void aSubdomainOfAListedDomainIsDisposableButAListedNameInsideAnotherDomainIsNot() {
        assertThat(DisposableDomains.isDisposable("x.mailinator.com")).isTrue();
        assertThat(DisposableDomains.isDisposable("mailinator.com.example.org")).isFalse();
    }

    @Test
    void theUsersFileAddsADomain() throws Exception {
        Files.writeString(data.resolve(DisposableDomains.USER_FILE), "# our own\nthrowaway.example.net\n");

        assertThat(DisposableDomains.forDataDirectory(data).contains("throwaway.example.net")).isTrue();
        assertThat(DisposableDomains.forDataDirectory(data).contains("mailinator.com")).isTrue();
        assertThat(DisposableDomains.bundled().contains("throwaway.example.net")).isFalse();
    }

    @Test
    void anExceptionInTheUsersFileWinsOverTheListForThatNameOnly() throws Exception {
        Files.writeString(data.resolve(DisposableDomains.USER_FILE), "!yopmail.fr\n!eu.mailinator.com\n");

        DisposableDomains list = DisposableDomains.forDataDirectory(data);

        assertThat(list.contains("yopmail.fr")).isFalse();
        assertThat(list.contains("eu.mailinator.com")).isFalse();
        assertThat(list.contains("mailinator.com")).isTrue();
    }

    @Test
    void anInstalledListReplacesTheShippedOneAndTheUsersFileStillApplies() throws Exception {
        Path newer = Files.writeString(data.resolve("blocklist.conf"), "fresh-throwaway.example\nother.example\n");
        Files.writeString(data.resolve(DisposableDomains.USER_FILE), "mine.example\n");

        int n = DisposableDomains.install(newer, data);

        DisposableDomains list = DisposableDomains.forDataDirectory(data);
        assertThat(n).isEqualTo(2);
        assertThat(list.contains("fresh-throwaway.example")).isTrue();
        assertThat(list.contains("mine.example")).isTrue();
        assertThat(list.contains("mailinator.com")).isFalse();
    }

    @Test
    void aFileWithALineThatIsNoDomainIsRefusedNamingTheLineAndNothingIsInstalled() throws Exception {
        Path bad = Files.writeString(data.resolve("bad.conf"), "good.example\nthis is not a domain\n");

        assertThatThrownBy(() -> DisposableDomains.install(bad, data)).isInstanceOf(DisposableListException.class)
                .hasMessageContaining("line 2").hasMessageContaining("is not a domain name");
        assertThat(data.resolve(DisposableDomains.INSTALLED_LIST)).doesNotExist();
    }

    @Test
    void aBinaryFileIsRefusedWithoutEchoingItsBytes() throws Exception {
        Path zip = Files.write(data.resolve("list.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 'x'});

        assertThatThrownBy(() -> DisposableDomains.install(zip, data)).isInstanceOf(DisposableListException.class)
                .hasMessageContaining("not a text file");
    }

    @Test
    void aDamagedUsersFileIsIgnoredRatherThanStoppingValidation() throws Exception {
        Files.write(data.resolve(DisposableDomains.USER_FILE), new byte[] {0, 1, 2});

        assertThat(DisposableDomains.forDataDirectory(data).contains("mailinator.com")).isTrue();
    }
}
