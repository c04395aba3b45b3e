package org.broadside.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadside.delivery.smtp.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyExplainerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "550 5.1.1 No such user|PERMANENT|mailbox does not exist|removed",
            "421 4.7.0 Try again later, closing connection|TEMPORARY|closing the connection|retried later",
            "451 4.3.0 Temporary local problem|TEMPORARY|local error|retried later",
            "452 4.5.3 Too many recipients|TEMPORARY|too many recipients|retried later",
            "552 5.2.2 Mailbox full|PERMANENT|mailbox is full|retr",
            "554 5.7.1 Message rejected due to content|PERMANENT|policy|block lists",
            "530 5.7.0 Authentication required|PERMANENT|log in|password",
            "535 5.7.8 Username and Password not accepted|PERMANENT|password was not accepted|app password",
            "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass|TEMPORARY|SPF|SPF record",
            "421 4.7.30 Your email has been rate limited because DKIM authentication didn't pass|TEMPORARY|DKIM|sign with DKIM",
            "421 4.7.23 The sending IP does not have a PTR record|TEMPORARY|reverse DNS|PTR",
            "421 4.7.29 Your email has been rate limited because this message wasn't sent over a TLS connection|TEMPORARY|TLS|STARTTLS",
            "550 5.7.32 From header isn't aligned with either the SPF or DKIM domain|PERMANENT|aligned|DKIM",
            "550 5.7.26 This mail is unauthenticated|PERMANENT|unauthenticated|DMARC",
            "421 4.7.28 Gmail has detected an unusual rate of unsolicited mail|TEMPORARY|rate-limiting|slow down",
            "550 5.7.1 The user or domain that you are sending to has a policy that prohibited the mail|PERMANENT|policy|check",
            "550 5.7.515 Access denied, sending domain does not meet the required authentication level|PERMANENT|Microsoft|DMARC",
            "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP|PERMANENT|this IP|relay",
            "451 4.7.650 The mail server has been temporarily rate limited due to IP reputation|TEMPORARY|throttling|slow down",
            "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to user complaints|TEMPORARY|complaints|complaint rate",
            "421 4.7.0 [TSS09] All messages from 192.0.2.1 will be permanently deferred|TEMPORARY|reputation|wanted mail",
            "250 2.0.0 Ok: queued as 4Bx|SUCCESS|accepted by the server|nothing to do",
            "250 2.1.5 Recipient ok|SUCCESS|command succeeded|nothing to do",
            "250 Ok|SUCCESS|accepted by the server|nothing to do"})
    void explainsCodesInPlainWords(String line, Persistence persistence, String meaningPart, String advicePart) {
        Explanation e = ReplyExplainer.explain(Reply.parse(line));

        assertThat(e.persistence()).isEqualTo(persistence);
        assertThat(e.meaning()).containsIgnoringCase(meaningPart);
        assertThat(e.advice()).containsIgnoringCase(advicePart);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"550|5.1.1|No such user|mailbox does not exist", "452||Too many|too many recipients"})
    void explainsFromSeparateParts(int code, String enhanced, String text, String meaningPart) {
        assertThat(ReplyExplainer.explain(code, enhanced, text).meaning()).containsIgnoringCase(meaningPart);
    }
}
