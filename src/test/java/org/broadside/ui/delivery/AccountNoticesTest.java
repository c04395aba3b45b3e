package org.broadside.ui.delivery;

import org.broadside.delivery.AccountNotice;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountNoticesTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final AccountNotices notices = new AccountNotices(Clock.fixed(NOW, ZoneOffset.UTC));

    private static AccountNotice notice(AccountNotice.Kind kind, Instant nextTry) {
        return new AccountNotice("Work", kind, "The hourly limit of 2 messages of account Work is reached",
                "Sending goes on by itself when the hour frees up.", nextTry, 0, NOW);
    }

    @Test
    void aMessageAcceptedWhileTheQuotaWaitRunsKeepsTheBanner() {
        // The engine reserves the next message while the previous one is in flight: the quota notice can come
        // before the receipt of the last message the quota allowed.
        notices.reset(List.of("Work"));
        notices.take(notice(AccountNotice.Kind.QUOTA, NOW.plusSeconds(3600)));
        notices.accepted("Work");
        assertThat(notices.banner()).isNotNull();
        assertThat(notices.banner().text()).contains("hourly limit").contains("Next try at");
        assertThat(notices.badges()).extracting(AccountBadge::text).containsExactly("Work: quota reached, waiting");
    }

    /** A cause that names the account itself is not prefixed with it again ("Account Work: Account Work reached ..."). */
    @Test
    void theBannerNamesTheAccountOnce() {
        notices.reset(List.of("Work"));
        notices.take(new AccountNotice("Work", AccountNotice.Kind.QUOTA, "Account Work reached its limit of 2 messages per hour",
                "Sending goes on when the limit frees.", NOW.plusSeconds(3600), 0, NOW));
        assertThat(notices.banner().text()).startsWith("Account Work reached its limit of 2 messages per hour")
                .doesNotContain("Account Work: Account Work");
        notices.take(new AccountNotice("Work", AccountNotice.Kind.UNREACHABLE, "Cannot reach smtp.example.com:587: connection refused",
                "Check the server and port, or your firewall.", NOW.plusSeconds(2), 0, NOW));
        assertThat(notices.banner().text()).startsWith("Account Work: Cannot reach smtp.example.com:587");
        notices.take(new AccountNotice("Work", AccountNotice.Kind.AUTHENTICATION,
                "127.0.0.1:2526 refused the login of account Work (535 5.7.8 authentication failed)",
                "Check the user name and password of account Work in Accounts.", null, 0, NOW));
        assertThat(notices.banner().text()).startsWith("127.0.0.1:2526 refused the login of account Work (535");
    }

    @Test
    void aMessageAcceptedAfterTheWaitClearsIt() {
        notices.reset(List.of("Work"));
        notices.take(notice(AccountNotice.Kind.QUOTA, NOW.minusSeconds(1)));
        notices.accepted("Work");
        assertThat(notices.banner()).isNull();
    }

    @Test
    void aMessageAcceptedEndsAConnectionProblem() {
        notices.reset(List.of("Work"));
        notices.take(notice(AccountNotice.Kind.UNREACHABLE, NOW.plusSeconds(4)));
        notices.accepted("Work");
        assertThat(notices.banner()).isNull();
    }

    @Test
    void whenEveryAccountWaitsTheTimeLeftIsTheEndOfTheWait() {
        notices.reset(List.of("Work"));
        assertThat(notices.allWaitingUntil()).isNull();
        notices.take(notice(AccountNotice.Kind.QUOTA, NOW.plusSeconds(3600)));
        assertThat(notices.allWaitingUntil()).isEqualTo(NOW.plusSeconds(3600));
        notices.reset(List.of("Work", "Backup"));
        notices.take(notice(AccountNotice.Kind.QUOTA, NOW.plusSeconds(3600)));
        assertThat(notices.allWaitingUntil()).isNull();
    }
}
