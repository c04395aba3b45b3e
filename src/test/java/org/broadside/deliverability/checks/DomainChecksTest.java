package org.broadside.deliverability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.security.KeyPair;
import java.util.List;
import org.broadside.compose.CheckLine;
import org.broadside.deliverability.checks.DomainCheck.Status;
import org.broadside.deliverability.dkim.DkimKey;
import org.broadside.deliverability.dkim.DkimKeyType;
import org.broadside.deliverability.dkim.DkimKeys;
import org.broadside.deliverability.dns.ZoneResolver;
import org.broadside.merge.Severity;
import org.junit.jupiter.api.Test;

class DomainChecksTest {
    private static final KeyPair ED = pair();
    private final ZoneResolver zone = new ZoneResolver();
    private final DomainChecks checks = new DomainChecks(zone.lookup());
    private final DkimKey key = new DkimKey("news.test", "s1", DkimKeyType.ED25519, ED.getPrivate(), ED.getPublic());

    /** A domain set up as the guide asks: SPF includes the relay, DKIM published, DMARC p=none, MX. */
    private void wellConfigured() {
        zone.txt("news.test", "v=spf1 include:_spf.relay.test -all")
                .txt("_spf.relay.test", "v=spf1 ip4:198.51.100.0/24 -all")
                .a("smtp.relay.test", "198.51.100.25")
                .txt("s1._domainkey.news.test", DkimKeys.recordText(ED.getPublic()))
                .txt("_dmarc.news.test", "v=DMARC1; p=none; rua=mailto:d@news.test")
                .mx("news.test", 10, "mx.news.test");
    }

    private DomainCheck find(List<DomainCheck> all, String title) {
        return all.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void wellConfiguredDomainPassesEveryCheck() {
        wellConfigured();

        List<DomainCheck> result = checks.run(SendingSetup.relay("news.test", "news.test", "smtp.relay.test", key));

        assertThat(result).extracting(DomainCheck::status).containsOnly(Status.PASS);
        assertThat(find(result, "DMARC").detail()).contains("p=none").contains("aligned through DKIM and SPF");
        assertThat(org.broadside.compose.DomainCheckLines.of(checks, SendingSetup.relay("news.test", "news.test", "smtp.relay.test", key))).isEmpty();
    }

    @Test
    void missingSpfFailsWithTheRecordToPublish() {
        ZoneResolver z = new ZoneResolver().a("smtp.relay.test", "198.51.100.25").txt("_dmarc.news.test", "v=DMARC1; p=none");
        var r = find(new DomainChecks(z.lookup()).run(SendingSetup.relay("news.test", null, "smtp.relay.test", key)), "SPF");

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.fix()).contains("v=spf1 a:smtp.relay.test ~all");
    }

    @Test
    void spfThatDoesNotCoverTheRelayWarns() {
        wellConfigured();
        zone.a("smtp.other.test", "203.0.113.5");

        var r = find(checks.run(SendingSetup.relay("news.test", null, "smtp.other.test", key)), "SPF");

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("does not cover the relay smtp.other.test 203.0.113.5 (FAIL)");
    }

    @Test
    void spfThatDoesNotCoverTheSendingIpFailsForDirectDelivery() {
        wellConfigured();

        var r = find(checks.run(SendingSetup.direct("news.test", null, ip("203.0.113.5"), "mail.news.test", key)), "SPF");

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.fix()).contains("ip4:203.0.113.5");
    }

    @Test
    void publishedKeyThatDiffersFromTheSigningKeyFails() {
        wellConfigured();
        DkimKey other = new DkimKey("news.test", "s1", DkimKeyType.ED25519, pair().getPrivate(), pair().getPublic());

        var r = find(checks.run(SendingSetup.relay("news.test", null, "smtp.relay.test", other)), "DKIM");

        assertThat(r.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void noDkimKeyWarnsForARelayAndFailsForDirectDelivery() {
        wellConfigured();

        var relay = find(checks.run(SendingSetup.relay("news.test", null, "smtp.relay.test", null)), "DKIM");
        var direct = find(checks.run(SendingSetup.direct("news.test", null, ip("198.51.100.25"), "mail.news.test", null)), "DKIM");

        assertThat(relay.status()).isEqualTo(Status.WARN);
        assertThat(direct.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void missingDmarcFailsWithARecordToPublish() {
        ZoneResolver z = new ZoneResolver().txt("news.test", "v=spf1 ip4:198.51.100.25 -all").a("smtp.relay.test", "198.51.100.25")
                .mx("news.test", 10, "mx.news.test");

        var r = find(new DomainChecks(z.lookup()).run(SendingSetup.relay("news.test", null, "smtp.relay.test", null)), "DMARC");

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.fix()).contains("_dmarc.news.test").contains("v=DMARC1; p=none");
    }

    @Test
    void dmarcOfTheOrganizationalDomainAppliesToASubdomain() {
        wellConfigured();
        DkimKey parentKey = new DkimKey("news.test", "s1", DkimKeyType.ED25519, ED.getPrivate(), ED.getPublic());
        zone.txt("mail.news.test", "v=spf1 include:_spf.relay.test -all").mx("mail.news.test", 10, "mx.news.test");

        var r = find(checks.run(SendingSetup.relay("mail.news.test", null, "smtp.relay.test", parentKey)), "DMARC");

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.detail()).contains("_dmarc.news.test");
    }

    @Test
    void relayEnvelopeDomainWithoutDkimIsNotAligned() {
        ZoneResolver z = new ZoneResolver().txt("relay.test", "v=spf1 ip4:198.51.100.25 -all").a("smtp.relay.test", "198.51.100.25")
                .txt("_dmarc.news.test", "v=DMARC1; p=reject").mx("news.test", 10, "mx.news.test");

        var r = find(new DomainChecks(z.lookup()).run(SendingSetup.relay("news.test", "relay.test", "smtp.relay.test", null)),
                "DMARC");

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.detail()).contains("neither a passing SPF for relay.test nor a passing DKIM signature is aligned");
    }

    @Test
    void fromDomainWithNullMxWarnsThatRepliesBounce() {
        ZoneResolver z = new ZoneResolver().nullMx("noreply.test");

        var r = MxCheck.run(z.lookup(), "noreply.test");

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("null MX");
    }

    @Test
    void reverseDnsThatDoesNotNameTheEhloHostWarns() {
        zone.ptr("203.0.113.5", "dsl-203-0-113-5.isp.test");

        var r = ReverseDnsCheck.run(zone.lookup(), ip("203.0.113.5"), "mail.news.test");

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("dsl-203-0-113-5.isp.test").contains("not to the EHLO name mail.news.test");
    }

    @Test
    void forwardConfirmedReverseDnsPasses() {
        zone.ptr("203.0.113.5", "mail.news.test").a("mail.news.test", "203.0.113.5");

        assertThat(ReverseDnsCheck.run(zone.lookup(), ip("203.0.113.5"), "mail.news.test").status()).isEqualTo(Status.PASS);
    }

    @Test
    void checkLinesMapFailToErrorWarnToWarningAndDropPass() {
        List<CheckLine> lines = org.broadside.compose.DomainCheckLines.of(List.of(
                DomainCheck.pass("MX", "fine"),
                DomainCheck.warn("Links", "2 links use http", "use https"),
                DomainCheck.fail("DMARC", "no record", "publish one")), "domain", null);

        assertThat(lines).extracting(CheckLine::severity).containsExactly(Severity.WARNING, Severity.ERROR);
        assertThat(lines.get(1).message()).isEqualTo("DMARC: no record. Fix: publish one");
        assertThat(lines.get(1).part()).isEqualTo("domain");
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair pair() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
