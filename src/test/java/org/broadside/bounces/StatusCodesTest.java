package org.broadside.bounces;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Hard means the address is bad; everything that may pass is soft. */
class StatusCodesTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            5.1.1  | User unknown                                  | HARD_BOUNCE
            5.1.10 | RESOLVER.ADR.RecipientNotFound                | HARD_BOUNCE
            5.0.0  | -                                             | HARD_BOUNCE
            5.4.4  | Unable to route                               | HARD_BOUNCE
            5.2.1  | Account disabled                              | HARD_BOUNCE
            5.2.2  | Mailbox full                                  | SOFT_BOUNCE
            5.3.4  | Message size exceeds fixed limit              | SOFT_BOUNCE
            5.4.7  | Delivery time expired                         | SOFT_BOUNCE
            5.7.1  | Message rejected as spam by content filtering | SOFT_BOUNCE
            5.7.1  | Recipient address rejected: Access denied, user unknown | HARD_BOUNCE
            4.2.2  | User unknown, mailbox full                    | SOFT_BOUNCE
            4.7.1  | Greylisted                                    | SOFT_BOUNCE
            550    | Requested action not taken: mailbox unavailable | HARD_BOUNCE
            552    | Quota exceeded                                | SOFT_BOUNCE
            -      | This user doesn't have a yahoo.com account    | HARD_BOUNCE
            """)
    void kindFollowsCodeAndWords(String code, String text, BounceKind expected) {
        assertThat(StatusCodes.kindOf(code, text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            host mx[192.0.2.6] said: 550 5.1.1 <a@b.c>  | 5.1.1
            Sorry, no mailbox here by that name. (#5.1.1) | 5.1.1
            Remote Server returned '550 5.1.10 RESOLVER' | 5.1.10
            connect to 192.0.2.7:25: timed out          | -
            version 1.2.3.4 of the filter               | -
            """)
    void enhancedCodeIsFoundButNotInAddressesOrVersions(String text, String expected) {
        assertThat(StatusCodes.enhanced(text).orElse(null)).isEqualTo(expected);
    }
}
