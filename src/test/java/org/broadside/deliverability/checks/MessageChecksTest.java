package org.broadside.deliverability.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.broadside.deliverability.checks.DomainCheck.Status;
import org.junit.jupiter.api.Test;

class MessageChecksTest {
    private static final String ADDRESS = "Broadside Ltd, 12 Harbour Street, Leith EH6 6QT";

    private static DomainCheck find(List<DomainCheck> all, String title) {
        return all.stream().filter(c -> c.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void messageOverGmailsClippingLimitWarns() {
        var r = find(MessageChecks.check(null, "hi " + ADDRESS, 102 * 1024 + 1), "Size");

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("Gmail clips");
    }

    @Test
    void messageAtTheLimitPasses() {
        assertThat(find(MessageChecks.check(null, ADDRESS, 102 * 1024), "Size").status()).isEqualTo(Status.PASS);
    }

    @Test
    void imagesWithoutAltTextAreCounted() {
        String html = "<p>" + ADDRESS + "</p><img src=a.png alt=\"Logo\"><IMG src='b.png'><img src=c.png>";

        var r = find(MessageChecks.check(html, "text", 1000), "Images");

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).isEqualTo("2 of 3 images have no alt text");
    }

    @Test
    void htmlWithoutTextPartWarns() {
        assertThat(find(MessageChecks.check("<p>hi</p>", null, 100), "Text part").status()).isEqualTo(Status.WARN);
        assertThat(find(MessageChecks.check("<p>hi</p>", "hi", 100), "Text part").status()).isEqualTo(Status.PASS);
    }

    @Test
    void plainHttpLinksWarn() {
        String html = "<a href=\"https://a.test/x\">one</a> <a href='http://b.test/'>two</a>";

        var r = find(MessageChecks.check(html, "t", 100), "Links");

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).isEqualTo("1 of 2 links use http instead of https");
    }

    @Test
    void visibleUrlThatDiffersFromTheTargetWarns() {
        String html = "<a href=\"https://track.evil.test/c?u=1\">https://www.bank.test/login</a>";

        var r = find(MessageChecks.check(html, "t", 100), "Links");

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("\"https://www.bank.test/login\" goes to track.evil.test");
    }

    @Test
    void visibleUrlOfTheSameSiteIsFine() {
        String html = "<a href=\"https://news.example.test/a\"><b>www.example.test/a</b></a>";

        assertThat(find(MessageChecks.check(html, "t", 100), "Links").status()).isEqualTo(Status.PASS);
    }

    @Test
    void postalAddressIsRecognisedInSeveralForms() {
        for (String text : List.of(ADDRESS, "ACME Inc., 1600 Main Street, Springfield, IL 62701",
                "Beispiel GmbH, Hauptstraße 5, 10115 Berlin", "P.O. Box 123, Anytown", "Société, 3 rue de la Paix, 75002 Paris")) {
            assertThat(find(MessageChecks.check(null, text, 100), "Postal address").status()).as(text).isEqualTo(Status.PASS);
        }
    }

    @Test
    void messageWithoutPostalAddressWarns() {
        var r = find(MessageChecks.check("<p>Buy now!</p>", "Buy now! Call 555 1234.", 100), "Postal address");

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("CAN-SPAM");
    }

    @Test
    void postalAddressInHtmlOnlyIsFound() {
        String html = "<footer>ACME Inc.<br>1600 Main Street<br>Springfield, IL 62701</footer>";

        assertThat(find(MessageChecks.check(html, null, 100), "Postal address").status()).isEqualTo(Status.PASS);
    }
}
