package org.broadside.delivery.direct;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetPolicyTest {
    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1           | loopback",
        "127.0.0.53          | loopback",
        "127.255.255.254     | loopback",
        "0.0.0.0             | this network",
        "0.1.2.3             | this network",
        "10.0.0.1            | private network",
        "10.255.255.255      | private network",
        "172.16.0.1          | private network",
        "172.31.255.254      | private network",
        "192.168.0.1         | private network",
        "192.168.255.255     | private network",
        "169.254.0.1         | link-local",
        "169.254.169.254     | link-local",
        "100.64.0.1          | carrier-grade NAT",
        "100.127.255.254     | carrier-grade NAT",
        "224.0.0.1           | multicast",
        "239.255.255.250     | multicast",
        "240.0.0.1           | reserved",
        "255.255.255.255     | broadcast",
        "::1                 | loopback",
        "::                  | unspecified",
        "fc00::1             | unique local",
        "fd12:3456:789a::1   | unique local",
        "fe80::1             | link-local",
        "febf:ffff::1        | link-local",
        "fec0::1             | site-local",
        "ff02::1             | multicast",
        "::ffff:127.0.0.1    | loopback",
        "::ffff:10.0.0.1     | private network",
        "::ffff:169.254.169.254 | link-local",
        "::ffff:192.168.1.1  | private network",
        "::ffff:100.64.0.1   | carrier-grade NAT",
        "::10.0.0.1          | private network",
        "::169.254.169.254   | link-local",
        "::127.0.0.1         | loopback",
        "64:ff9b::10.0.0.1   | private network",
        "64:ff9b::169.254.169.254 | link-local",
        "2002:0a00:0001::1   | private network",
        "2002:a9fe:a9fe::1   | link-local",
    })
    void refusedAddress(String address, String reason) throws Exception {
        InetAddress a = InetAddress.getByName(address);

        assertThat(TargetPolicy.standard().refusal(a)).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @ParameterizedTest(name = "{0} is allowed")
    @CsvSource({
        "8.8.8.8", "1.1.1.1", "9.255.255.255", "11.0.0.1", "172.15.255.255", "172.32.0.1", "192.167.255.255",
        "192.169.0.1", "169.253.255.255", "169.255.0.1", "100.63.255.255", "100.128.0.1", "223.255.255.255",
        "2001:4860:4860::8888", "2a00:1450:4001::1b", "fbff::1", "fe00::1", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8",
        "2002:0808:0808::1",
    })
    void publicAddressIsAllowed(String address) throws Exception {
        assertThat(TargetPolicy.standard().allows(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest(name = "tests may reach {0}")
    @CsvSource({"127.0.0.1", "127.0.0.2", "::1"})
    void loopbackIsAllowedOnlyWhenTestsAskForIt(String address) throws Exception {
        InetAddress a = InetAddress.getByName(address);

        assertThat(TargetPolicy.allowingLoopbackForTests().allows(a)).isTrue();
        assertThat(TargetPolicy.standard().allows(a)).isFalse();
    }

    @ParameterizedTest(name = "tests still may not reach {0}")
    @CsvSource({"10.0.0.1", "169.254.169.254", "::ffff:192.168.0.1", "fe80::1"})
    void testSwitchAllowsNothingButLoopback(String address) throws Exception {
        assertThat(TargetPolicy.allowingLoopbackForTests().allows(InetAddress.getByName(address))).isFalse();
    }
}
