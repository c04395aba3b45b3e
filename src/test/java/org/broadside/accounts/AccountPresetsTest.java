package org.broadside.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountPresetsTest {
    @Test
    void everyPresetGivesAValidAccountOnceNameUserAndHostAreFilledIn() {
        for (AccountPreset p : AccountPresets.all()) {
            Account.Builder b = p.builder("Test " + p.id());
            if (p.host() == null) b.host("smtp.isp.example");
            if (p.username() == null && p.auth() != AccountAuth.NONE) b.username("me@example.com");
            Account a = b.build();
            assertThat(a.port()).as(p.id()).isPositive();
            assertThat(p.note()).as(p.id()).isNotBlank();
        }
    }

    @Test
    void everyRemotePresetRequiresTls() {
        AccountPresets.all().stream().filter(p -> !p.id().equals("sandbox"))
                .forEach(p -> assertThat(p.security()).as(p.id()).isNotEqualTo(AccountSecurity.NONE));
    }

    @Test
    void sandboxIsTheLocalServerWithoutLogin() {
        AccountPreset sandbox = AccountPresets.find("Sandbox").orElseThrow();
        assertThat(sandbox.host()).isEqualTo("127.0.0.1");
        assertThat(sandbox.auth()).isEqualTo(AccountAuth.NONE);
    }

    @Test
    void sendGridLogsInAsApikey() {
        assertThat(AccountPresets.find("sendgrid").orElseThrow().username()).isEqualTo("apikey");
    }

    @Test
    void microsoft365IsPacedAtThirtyAMinuteAndTenThousandADay() {
        AccountPreset m = AccountPresets.find("microsoft365").orElseThrow();
        assertThat(m.groupSize()).isEqualTo(30);
        assertThat(m.groupIntervalMillis()).isEqualTo(60_000);
        assertThat(m.maxPerDay()).isEqualTo(10_000);
    }

    @Test
    void sesHostNamesTheRegion() {
        assertThat(AccountPresets.sesHost("eu-west-1")).isEqualTo("email-smtp.eu-west-1.amazonaws.com");
    }

    @Test
    void presetIdsAreUniqueAndListTheExpectedProviders() {
        assertThat(AccountPresets.ids()).doesNotHaveDuplicates()
                .contains("gmail", "microsoft365", "ses", "sendgrid", "mailgun", "isp", "sandbox");
    }
}
