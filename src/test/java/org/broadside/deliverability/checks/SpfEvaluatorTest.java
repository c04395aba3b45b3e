package org.broadside.deliverability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.broadside.deliverability.checks.SpfEvaluator.Result;
import org.broadside.deliverability.dns.ZoneResolver;
import org.junit.jupiter.api.Test;

class SpfEvaluatorTest {
    private final ZoneResolver zone = new ZoneResolver();
    private final SpfEvaluator spf = new SpfEvaluator(zone.lookup());

    private Result check(String ip, String domain) throws Exception {
        return spf.check(InetAddress.getByName(ip), domain).result();
    }

    @Test
    void ip4RangeCoversAddressesInsideIt() throws Exception {
        zone.txt("example.test", "v=spf1 ip4:192.0.2.0/24 -all");

        assertThat(check("192.0.2.77", "example.test")).isEqualTo(Result.PASS);
        assertThat(check("192.0.3.1", "example.test")).isEqualTo(Result.FAIL);
    }

    @Test
    void ip6RangeCoversAddressesInsideIt() throws Exception {
        zone.txt("example.test", "v=spf1 ip6:2001:db8:1::/48 ~all");

        assertThat(check("2001:db8:1:2::5", "example.test")).isEqualTo(Result.PASS);
        assertThat(check("2001:db8:2::5", "example.test")).isEqualTo(Result.SOFTFAIL);
    }

    @Test
    void includeOfTheRelaysRecordCovers() throws Exception {
        zone.txt("example.test", "v=spf1 include:_spf.relay.test -all").txt("_spf.relay.test", "v=spf1 ip4:198.51.100.0/24 -all");

        assertThat(check("198.51.100.9", "example.test")).isEqualTo(Result.PASS);
        assertThat(check("203.0.113.9", "example.test")).isEqualTo(Result.FAIL);
    }

    @Test
    void aAndMxTermsUseTheDomainsAddresses() throws Exception {
        zone.txt("example.test", "v=spf1 a mx:mail.test/30 -all").a("example.test", "192.0.2.10")
                .mx("mail.test", 10, "mx.mail.test").a("mx.mail.test", "198.51.100.4");

        assertThat(check("192.0.2.10", "example.test")).isEqualTo(Result.PASS);
        assertThat(check("198.51.100.6", "example.test")).isEqualTo(Result.PASS);
        assertThat(check("198.51.100.8", "example.test")).isEqualTo(Result.FAIL);
    }

    @Test
    void redirectUsesTheOtherDomainsRecord() throws Exception {
        zone.txt("example.test", "v=spf1 redirect=_spf.example.test").txt("_spf.example.test", "v=spf1 ip4:192.0.2.1 -all");

        assertThat(check("192.0.2.1", "example.test")).isEqualTo(Result.PASS);
    }

    @Test
    void noRecordIsNone() throws Exception {
        zone.a("example.test", "192.0.2.1");

        assertThat(check("192.0.2.1", "example.test")).isEqualTo(Result.NONE);
    }

    @Test
    void twoRecordsAreAPermanentError() throws Exception {
        zone.txt("example.test", "v=spf1 -all").txt("example.test", "v=spf1 +all");

        assertThat(check("192.0.2.1", "example.test")).isEqualTo(Result.PERMERROR);
    }

    @Test
    void moreThanTenLookupsIsAPermanentError() throws Exception {
        StringBuilder record = new StringBuilder("v=spf1");
        for (int i = 0; i < 11; i++) {
            record.append(" include:i").append(i).append(".test");
            zone.txt("i" + i + ".test", "v=spf1 ip4:203.0.113." + i + " -all");
        }
        zone.txt("example.test", record + " ip4:192.0.2.1 -all");

        var e = spf.check(InetAddress.getByName("192.0.2.1"), "example.test");

        assertThat(e.result()).isEqualTo(Result.PERMERROR);
        assertThat(e.notes()).anyMatch(n -> n.contains("more than 10 DNS lookups"));
    }

    @Test
    void tenLookupsAreStillAllowed() throws Exception {
        StringBuilder record = new StringBuilder("v=spf1");
        for (int i = 0; i < 10; i++) {
            record.append(" include:i").append(i).append(".test");
            zone.txt("i" + i + ".test", "v=spf1 ip4:203.0.113." + i + " -all");
        }
        zone.txt("example.test", record + " -all");

        assertThat(check("203.0.113.9", "example.test")).isEqualTo(Result.PASS);
    }

    @Test
    void includeWithoutRecordIsAPermanentError() throws Exception {
        zone.txt("example.test", "v=spf1 include:gone.test -all");

        assertThat(check("192.0.2.1", "example.test")).isEqualTo(Result.PERMERROR);
    }

    @Test
    void dnsFailureIsATemporaryError() throws Exception {
        zone.txt("example.test", "v=spf1 include:flaky.test -all").servfail("flaky.test");

        assertThat(check("192.0.2.1", "example.test")).isEqualTo(Result.TEMPERROR);
    }

    @Test
    void existsWithTheClientIpMacroPassesOnlyListedAddresses() throws Exception {
        zone.txt("example.test", "v=spf1 exists:%{i}._spf.example.test -all").a("192.0.2.1._spf.example.test", "127.0.0.2");

        assertThat(check("192.0.2.1", "example.test")).isEqualTo(Result.PASS);
        assertThat(check("192.0.2.2", "example.test")).isEqualTo(Result.FAIL);
    }

    @Test
    void includeWithReversedIpAndSenderMacrosQueriesTheExpandedName() throws Exception {
        zone.txt("example.test", "v=spf1 include:%{ir}.%{l1r-}.%{d2}.rbl.test -all")
                .txt("1.2.0.192.strong.example.test.rbl.test", "v=spf1 +all");

        var e = spf.check(InetAddress.getByName("192.0.2.1"), "example.test", "strong-bad@example.test", "mx.example.test");

        assertThat(e.result()).isEqualTo(Result.PASS);
    }

    @Test
    void redirectTargetMayUseTheDomainMacro() throws Exception {
        zone.txt("mail.example.test", "v=spf1 redirect=_spf.%{d2}").txt("_spf.example.test", "v=spf1 ip4:192.0.2.1 -all");

        assertThat(check("192.0.2.1", "mail.example.test")).isEqualTo(Result.PASS);
    }

    @Test
    void aMalformedMacroIsAPermanentError() throws Exception {
        zone.txt("example.test", "v=spf1 exists:%(ir).sbl.example.test -all");

        var e = spf.check(InetAddress.getByName("192.0.2.1"), "example.test");

        assertThat(e.result()).isEqualTo(Result.PERMERROR);
        assertThat(e.notes()).anyMatch(n -> n.contains("%("));
    }

    @Test
    void aMechanismWithAColonButNoDomainIsAPermanentError() throws Exception {
        zone.txt("example.test", "v=spf1 a: -all");

        assertThat(check("192.0.2.1", "example.test")).isEqualTo(Result.PERMERROR);
    }

    @Test
    void aHostMacroWithASlashDelimiterKeepsTheCidrSuffixApart() throws Exception {
        zone.txt("example.test", "v=spf1 a:%{l/}.hosts.test/24 -all").a("postmaster.hosts.test", "192.0.2.10");

        assertThat(check("192.0.2.99", "example.test")).isEqualTo(Result.PASS);
        assertThat(check("192.0.3.1", "example.test")).isEqualTo(Result.FAIL);
    }

    @Test
    void validatedHostNameMacroUsesForwardConfirmedPtr() throws Exception {
        zone.txt("example.test", "v=spf1 exists:%{p}.allow.test -all").ptr("192.0.2.1", "mx.example.test")
                .a("mx.example.test", "192.0.2.1").a("mx.example.test.allow.test", "127.0.0.2");

        assertThat(check("192.0.2.1", "example.test")).isEqualTo(Result.PASS);
        assertThat(check("192.0.2.9", "example.test")).isEqualTo(Result.FAIL);
    }

    @Test
    void noMatchingTermIsNeutral() throws Exception {
        zone.txt("example.test", "v=spf1 ip4:192.0.2.1");

        assertThat(check("192.0.2.2", "example.test")).isEqualTo(Result.NEUTRAL);
    }
}
