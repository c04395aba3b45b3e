package org.broadside.ui.dkim;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SendingDomainsTest {
    @Test
    void fromAddressesAndAddressLoginsNameTheDomainsOnceEach() {
        List<String> d = SendingDomains.of(List.of("News <news@Shop.example.com>", "[Sender]@x.com", "sample@broadside.invalid"),
                List.of(Path.of("target/does-not-exist.json")), List.of("me@shop.example.com", "apikey", "bob@club.example.org"));

        assertThat(d).containsExactly("club.example.org", "shop.example.com");
    }
}
