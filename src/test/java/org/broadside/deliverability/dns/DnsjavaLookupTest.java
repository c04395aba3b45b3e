package org.broadside.deliverability.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DnsjavaLookupTest {
    private final ZoneResolver zone = new ZoneResolver();
    private final DnsLookup dns = zone.lookup();

    @Test
    void mxHostsComeInPreferenceOrder() throws Exception {
        zone.mx("example.test", 20, "backup.example.test").mx("example.test", 5, "primary.example.test")
                .mx("example.test", 10, "second.example.test");

        MxAnswer answer = dns.mx("example.test");

        assertThat(answer.hosts()).extracting(MxHost::host)
                .containsExactly("primary.example.test", "second.example.test", "backup.example.test");
        assertThat(answer.nullMx()).isFalse();
        assertThat(answer.implicit()).isFalse();
    }

    @Test
    void nullMxIsRecognised() throws Exception {
        zone.nullMx("nomail.test");

        MxAnswer answer = dns.mx("nomail.test");

        assertThat(answer.nullMx()).isTrue();
        assertThat(answer.hosts()).isEmpty();
        assertThat(answer.implicit()).isFalse();
    }

    @Test
    void nullMxBesideRealHostsIsIgnored() throws Exception {
        zone.nullMx("mixed.test").mx("mixed.test", 10, "mx.mixed.test");

        MxAnswer answer = dns.mx("mixed.test");

        assertThat(answer.nullMx()).isFalse();
        assertThat(answer.hosts()).extracting(MxHost::host).containsExactly("mx.mixed.test");
    }

    @Test
    void domainWithAddressButNoMxIsImplicit() throws Exception {
        zone.a("plain.test", "192.0.2.1");

        MxAnswer answer = dns.mx("plain.test");

        assertThat(answer.implicit()).isTrue();
        assertThat(answer.domainExists()).isTrue();
    }

    @Test
    void missingDomainSaysItDoesNotExist() throws Exception {
        MxAnswer answer = dns.mx("nowhere.test");

        assertThat(answer.domainExists()).isFalse();
        assertThat(answer.implicit()).isFalse();
    }

    @Test
    void addressesListIpv4BeforeIpv6() throws Exception {
        zone.a("mx.example.test", "2001:db8::25", "192.0.2.25");

        assertThat(dns.addresses("mx.example.test"))
                .containsExactly(InetAddress.getByName("192.0.2.25"), InetAddress.getByName("2001:db8::25"));
    }

    @Test
    void txtJoinsTheCharacterStringsOfOneRecord() throws Exception {
        zone.txt("sel._domainkey.example.test", "v=DKIM1; k=rsa; p=AAAA", "BBBB").txt("sel._domainkey.example.test", "other");

        assertThat(dns.txt("sel._domainkey.example.test")).containsExactlyInAnyOrder("v=DKIM1; k=rsa; p=AAAABBBB", "other");
    }

    @Test
    void ptrGivesHostNamesWithoutTrailingDot() throws Exception {
        zone.ptr("192.0.2.7", "mail.example.test");

        assertThat(dns.ptr(InetAddress.getByName("192.0.2.7"))).containsExactly("mail.example.test");
    }

    @Test
    void servfailIsATemporaryError() {
        zone.servfail("broken.test");

        assertThatThrownBy(() -> dns.mx("broken.test")).isInstanceOf(DnsException.class).hasMessageContaining("SERVFAIL");
    }

    @Test
    void timeoutIsATemporaryError() {
        zone.timeout("slow.test");

        assertThatThrownBy(() -> dns.txt("slow.test")).isInstanceOf(DnsException.class).hasMessageContaining("did not answer");
    }

    @Test
    void repeatedQuestionsAreAnsweredFromTheCache() throws Exception {
        zone.mx("example.test", 10, "mx.example.test");
        dns.mx("example.test");
        int asked = zone.questionCount();

        dns.mx("EXAMPLE.test");
        dns.mx("example.test.");

        assertThat(zone.questionCount()).isEqualTo(asked);
    }

    @Test
    void questionsBeyondTheConcurrencyLimitWaitAndThenGiveUp() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        zone.holdUntil("slow.test", release).mx("fast.test", 10, "mx.fast.test");
        DnsLookup oneAtATime = new DnsjavaLookup(zone, java.time.Duration.ofMillis(200), 1, 100);
        Thread blocker = new Thread(() -> {
            try {
                oneAtATime.mx("slow.test");
            } catch (DnsException ignored) {
                // only here to occupy the single slot
            }
        });
        blocker.start();
        while (zone.questionCount() == 0) {
            Thread.sleep(5);
        }

        try {
            assertThatThrownBy(() -> oneAtATime.mx("fast.test")).isInstanceOf(DnsException.class)
                    .hasMessageContaining("too many DNS questions waiting");
        } finally {
            release.countDown();
            blocker.join();
        }
        assertThat(oneAtATime.mx("fast.test").hosts()).hasSize(1);
    }
}
