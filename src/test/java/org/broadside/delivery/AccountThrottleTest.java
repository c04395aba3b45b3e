package org.broadside.delivery;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle asks for a shared permit only when it would start a message, and says whose limit holds it back. */
class AccountThrottleTest {
    private static final long NOW = 1_800_000_000_000L;

    /** Grants {@code left} permits, then refuses until {@code freeAt}; counts what it is asked. */
    private static final class CountedPermits implements QuotaPermits {
        int left;
        int takes;
        int putBacks;
        boolean gaveBack;
        final long freeAt;

        CountedPermits(int left, long freeAt) {
            this.left = left;
            this.freeAt = freeAt;
        }

        @Override public Refusal take(long now) {
            takes++;
            if (left == 0) return new Refusal(freeAt, false, 100);
            left--;
            return null;
        }
        @Override public void putBack() { putBacks++; left++; }
        @Override public void giveBackUnused() { gaveBack = true; }
    }

    @Test
    void aRefusedPermitIsAWaitWithTheSharedReasonAndOneQuotaNotice() {
        List<AccountNotice> notices = new ArrayList<>();
        CountedPermits permits = new CountedPermits(1, NOW + 30 * 60_000);
        AccountThrottle t = new AccountThrottle(new AccountLane("Work", new FakeMessenger(), 1, 0, 0, 0, 100, 0, 1), notices::add, permits);

        assertThat(t.reserve(NOW)).isZero();
        assertThat(t.reserve(NOW + 1)).isEqualTo(30 * 60_000 - 1);
        assertThat(t.waitReason()).isEqualTo("hourly limit of 100 reached (all senders of account Work together)");
        assertThat(t.reserve(NOW + 2)).isPositive();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).kind()).isEqualTo(AccountNotice.Kind.QUOTA);
        assertThat(notices.get(0).cause()).contains("limit of 100 messages per hour (all senders of the account together)");

        t.release(NOW + 3);
        assertThat(permits.putBacks).isEqualTo(1);
        assertThat(t.reserve(NOW + 4)).isZero();
        t.giveBackPermits();
        assertThat(permits.gaveBack).isTrue();
    }

    @Test
    void noPermitIsTakenWhileTheThrottlePausesAnyway() {
        CountedPermits permits = new CountedPermits(10, NOW);
        // A pause of a minute after every message.
        AccountThrottle t = new AccountThrottle(new AccountLane("Work", new FakeMessenger(), 1, 0, 1, 60_000, 100, 0, 1), n -> { }, permits);
        assertThat(t.reserve(NOW)).isZero();
        assertThat(t.reserve(NOW + 1000)).isPositive();
        assertThat(permits.takes).isEqualTo(1);
    }

    @Test
    void theLocalPermitsOfASqliteStoreAlwaysSayYes() {
        assertThat(QuotaPermits.LOCAL.take(NOW)).isNull();
    }
}
