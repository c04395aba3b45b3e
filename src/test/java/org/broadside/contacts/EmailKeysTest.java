package org.broadside.contacts;

import org.junit.jupiter.api.Test;

import java.net.IDN;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The shortcut for addresses that are already their own key gives exactly the key the full computation gives. */
class EmailKeysTest {
    @Test
    void examples() {
        assertThat(EmailKeys.key("ann@example.com")).isEqualTo("ann@example.com");
        assertThat(EmailKeys.key(" Ann@Example.COM ")).isEqualTo("ann@example.com");
        assertThat(EmailKeys.key("ann@bücher.de")).isEqualTo("ann@xn--bcher-kva.de");
        assertThat(EmailKeys.key("ann@.example.com")).isEqualTo("ann@.example.com");
        assertThat(EmailKeys.key("NoAt")).isEqualTo("noat");
    }

    @Test
    void randomAddressesGiveTheFullComputationsKey() {
        Random random = new Random(17);
        String alphabet = "abcXYZ09.-_+@ \t\"\\é\u00a0ßİ!";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String email = sb.toString();
            assertThat(EmailKeys.key(email)).as("[%s]", email).isEqualTo(reference(email));
        }
    }

    /** EmailKeys.key before the shortcut. */
    private static String reference(String email) {
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at < 0) return e.toLowerCase(Locale.ROOT);
        String local = e.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = e.substring(at + 1);
        boolean plain = !domain.isEmpty() && !domain.startsWith(".") && !domain.contains("..")
                && domain.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.');
        if (plain) return local + "@" + domain.toLowerCase(Locale.ROOT);
        try {
            domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException ignored) {
            // kept as written
        }
        return local + "@" + domain.toLowerCase(Locale.ROOT);
    }
}
