package org.broadside.deliverability.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expansion examples of RFC 7208 section 7.4, with its sender, addresses and PTR name. */
class SpfMacrosTest {
    private static final String SENDER = "strong-bad@email.example.com";

    private static SpfMacroValues values(String ip) throws Exception {
        return new SpfMacroValues(SENDER, "email.example.com", InetAddress.getByName(ip), "mx.example.org",
                () -> "mx.example.org");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "%{s}     | strong-bad@email.example.com",
            "%{o}     | email.example.com",
            "%{d}     | email.example.com",
            "%{d4}    | email.example.com",
            "%{d3}    | email.example.com",
            "%{d2}    | example.com",
            "%{d1}    | com",
            "%{dr}    | com.example.email",
            "%{d2r}   | example.email",
            "%{l}     | strong-bad",
            "%{l-}    | strong.bad",
            "%{lr}    | strong-bad",
            "%{lr-}   | bad.strong",
            "%{l1r-}  | strong",
            "%{ir}.%{v}._spf.%{d2}             | 3.2.0.192.in-addr._spf.example.com",
            "%{lr-}.lp._spf.%{d2}              | bad.strong.lp._spf.example.com",
            "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}   | bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
            "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}  | 3.2.0.192.in-addr.strong.lp._spf.example.com",
            "%{d2}.trusted-domains.example.net | example.com.trusted-domains.example.net"})
    void expandsTheRfcExamplesForIpv4(String macro, String expansion) throws Exception {
        assertThat(SpfMacros.expand(macro, values("192.0.2.3"))).isEqualTo(expansion);
    }

    @Test
    void expandsTheRfcExampleForIpv6() throws Exception {
        assertThat(SpfMacros.expand("%{ir}.%{v}._spf.%{d2}", values("2001:db8::cb01"))).isEqualTo(
                "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
    }

    @Test
    void escapesAndUpperCaseLettersFollowSection71() throws Exception {
        assertThat(SpfMacros.expand("a%%b%_c%-d", values("192.0.2.3"))).isEqualTo("a%b c%20d");
        assertThat(SpfMacros.expand("%{S}", values("192.0.2.3"))).isEqualTo("strong-bad%40email.example.com");
        assertThat(SpfMacros.expand("%{h}.%{p}", values("192.0.2.3"))).isEqualTo("mx.example.org.mx.example.org");
    }

    @Test
    void aDomainLongerThan253CharactersLosesLabelsOnTheLeft() throws Exception {
        String label = "a".repeat(60);
        var v = new SpfMacroValues(label + "." + label + "." + label + "." + label + "@x.test", "example.test",
                InetAddress.getByName("192.0.2.3"), "h", () -> "unknown");

        String name = SpfMacros.expandDomain("%{l}.%{d}", v);

        assertThat(name).hasSizeLessThanOrEqualTo(253).endsWith(".example.test").doesNotStartWith(".");
    }

    @Test
    void malformedMacrosAreRefused() throws Exception {
        var v = values("192.0.2.3");
        assertThatThrownBy(() -> SpfMacros.expand("%(ir).sbl.example.org", v)).isInstanceOf(SpfMacroException.class);
        assertThatThrownBy(() -> SpfMacros.expand("%{ir.sbl.example.org", v)).isInstanceOf(SpfMacroException.class);
        assertThatThrownBy(() -> SpfMacros.expand("%{d0}", v)).isInstanceOf(SpfMacroException.class);
        assertThatThrownBy(() -> SpfMacros.expand("%{t}", v)).isInstanceOf(SpfMacroException.class);
        assertThatThrownBy(() -> SpfMacros.expand("%{d:}", v)).isInstanceOf(SpfMacroException.class);
    }
}
