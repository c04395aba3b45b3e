package org.broadside.bounces;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message of the corpus: what it is, whom it concerns, which campaign, and by which evidence. */
class CorpusClassificationTest {
    static BounceFixture fixture;

    @BeforeAll
    static void seed() {
        fixture = new BounceFixture();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            01-dsn-hard-rfc822.eml               | HARD_BOUNCE  | alice@example.com      | Autumn news | MESSAGE_ID | 5.1.1
            02-dsn-hard-headers-verp.eml         | HARD_BOUNCE  | bob@example.net        | Autumn news | VERP       | 5.1.1
            03-dsn-soft-mailbox-full.eml         | SOFT_BOUNCE  | carol@example.org      | Autumn news | MESSAGE_ID | 5.2.2
            04-dsn-delayed.eml                   | SOFT_BOUNCE  | dave@mail.example.com  | Autumn news | ADDRESS    | 4.4.1
            05-dsn-gmail.eml                     | HARD_BOUNCE  | frank@gmail.com        | Autumn news | MESSAGE_ID | 5.1.1
            06-dsn-exchange.eml                  | HARD_BOUNCE  | heidi@outlook.com      | Autumn news | MESSAGE_ID | 5.1.10
            07-arf-abuse.eml                     | COMPLAINT    | mallory@example.com    | Autumn news | MESSAGE_ID | -
            08-arf-headers-only-verp.eml         | COMPLAINT    | niaj@aol.com           | Autumn news | VERP       | -
            09-plain-exchange.eml                | HARD_BOUNCE  | ursula@example.com     | Autumn news | MESSAGE_ID | 5.1.10
            10-plain-o365-mailbox-full.eml       | SOFT_BOUNCE  | ivan@example.de        | Autumn news | ADDRESS    | 5.2.2
            11-plain-gmail.eml                   | HARD_BOUNCE  | judy@example.fr        | Autumn news | MESSAGE_ID | 5.1.1
            12-plain-gmail-delayed.eml           | SOFT_BOUNCE  | erin@example.co.uk     | Autumn news | ADDRESS    | -
            13-plain-yahoo.eml                   | HARD_BOUNCE  | grace@yahoo.com        | Autumn news | MESSAGE_ID | 554
            14-plain-postfix-verp.eml            | HARD_BOUNCE  | kate@example.net       | Autumn news | VERP       | 5.1.1
            15-plain-postfix-soft.eml            | SOFT_BOUNCE  | quinn@example.com      | Autumn news | ADDRESS    | 4.2.2
            16-plain-exim.eml                    | HARD_BOUNCE  | zoe@example.com        | Autumn news | MESSAGE_ID | 5.1.1
            17-plain-exim-delay.eml              | SOFT_BOUNCE  | liam@example.org       | Autumn news | ADDRESS    | 4.7.1
            18-plain-qmail-verp.eml              | HARD_BOUNCE  | xavier@example.nl      | Autumn news | VERP       | 5.1.1
            19-plain-qmail-no-code.eml           | HARD_BOUNCE  | mia@example.com        | Autumn news | ADDRESS    | 5.1.1
            20-plain-sendmail.eml                | HARD_BOUNCE  | yvonne@example.com     | Autumn news | ADDRESS    | 5.1.1
            21-auto-rfc3834.eml                  | AUTO_REPLY   | sybil@example.com      | Autumn news | MESSAGE_ID | -
            22-auto-outlook.eml                  | AUTO_REPLY   | trent@example.com      | Autumn news | ADDRESS    | -
            23-auto-spanish.eml                  | AUTO_REPLY   | victor@example.es      | Autumn news | ADDRESS    | -
            24-auto-german.eml                   | AUTO_REPLY   | walter@example.it      | Autumn news | ADDRESS    | -
            25-auto-french.eml                   | AUTO_REPLY   | noah@example.fr        | Autumn news | ADDRESS    | -
            26-auto-x-autoreply.eml              | AUTO_REPLY   | oscar@example.com      | Autumn news | MESSAGE_ID | -
            27-unsubscribe-mailto.eml            | UNSUBSCRIBE  | olivia@example.com     | Autumn news | ADDRESS    | -
            28-unsubscribe-subject-reply.eml     | UNSUBSCRIBE  | peggy@example.com      | Autumn news | MESSAGE_ID | -
            29-unsubscribe-first-line.eml        | UNSUBSCRIBE  | rupert@example.com     | Autumn news | ADDRESS    | -
            30-unsubscribe-configured-mailto.eml | UNSUBSCRIBE  | uma@example.com        | Autumn news | ADDRESS    | -
            31-unrelated-customer.eml            | UNRECOGNISED | -                      | -           | -          | -
            32-unrelated-postmaster-human.eml    | UNRECOGNISED | -                      | -           | -          | -
            33-unrelated-newsletter.eml          | UNRECOGNISED | -                      | -           | -          | -
            34-unrelated-dsn-delivered.eml       | UNRECOGNISED | -                      | -           | -          | -
            35-dsn-unknown-recipient.eml         | HARD_BOUNCE  | stranger@elsewhere.example | -       | -          | 5.1.1
            36-unrelated-person-not-delivered.eml | UNRECOGNISED | -                     | -           | -          | -
            """)
    void messageIsClassifiedAndMapped(String file, BounceKind kind, String address, String campaign, MatchedRecipient.MatchedBy by,
                                      String status) throws Exception {
        Classification c = BounceFixture.classifier().classify(BounceFixture.message(file));
        assertThat(c.kind()).as("kind").isEqualTo(kind);
        assertThat(c.status()).as("status").isEqualTo(status);
        if (!kind.recognised()) return;
        Optional<MatchedRecipient> r = fixture.db.read(conn -> RecipientResolver.resolve(conn, c, System.currentTimeMillis()));
        assertThat(r.map(MatchedRecipient::email).orElse(c.address())).as("address").isEqualTo(address);
        assertThat(r.map(MatchedRecipient::campaignName).orElse(null)).as("campaign").isEqualTo(campaign);
        assertThat(r.map(MatchedRecipient::matchedBy).orElse(null)).as("matched by").isEqualTo(by);
    }

    @Test
    void corpusHasAtLeastTwentyFiveRecognisedMessagesAndSomeUnrelatedOnes() {
        assertThat(BounceFixture.corpusFiles()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(BounceFixture.corpusFiles()).filteredOn(f -> f.contains("unrelated")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void reasonOfADsnIsItsDiagnosticCode() throws Exception {
        Classification c = BounceFixture.classifier().classify(BounceFixture.message("01-dsn-hard-rfc822.eml"));
        assertThat(c.reason()).isEqualTo("550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown in local recipient table");
        assertThat(c.messageKey()).isEqualTo("<20261121101500.A1B2C3@mail.example.com>");
        assertThat(c.messageDate()).isEqualTo(java.time.Instant.parse("2026-11-21T10:15:00Z"));
    }

    @Test
    void withoutTheConfiguredMailtoAnEmptyMessageIsNotAnUnsubscribeRequest() throws Exception {
        Classification c = new BounceClassifier().classify(BounceFixture.message("30-unsubscribe-configured-mailto.eml"));
        assertThat(c.kind()).isEqualTo(BounceKind.UNRECOGNISED);
    }
}
