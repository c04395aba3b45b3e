package org.broadside.delivery;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientQueueTest {
    private static RecipientRow row(long id) {
        return new RecipientRow(id, id, "r" + id + "@example.com", "{}", RecipientState.PENDING, 0, null, 0, null, null, null, null, null, 0, null);
    }

    @Test
    void theFeederWaitsUntilHalfTheQueueIsDrainedThenFillsItUp() throws Exception {
        RecipientQueue q = new RecipientQueue(8);
        for (int i = 1; i <= 8; i++) q.addLast(row(i));
        assertThat(q.room()).isZero();
        assertThat(q.awaitRoom(20, TimeUnit.MILLISECONDS)).as("full: no room yet").isFalse();
        CompletableFuture<Boolean> feeder = CompletableFuture.supplyAsync(() -> {
            try {
                return q.awaitRoom(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 1; i <= 3; i++) assertThat(q.pollFirst().id()).isEqualTo(i);
        Thread.sleep(50);
        assertThat(feeder).as("five left is above the low-water mark of four").isNotDone();
        assertThat(q.pollFirst().id()).isEqualTo(4);
        assertThat(feeder.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(q.room()).isEqualTo(4);
    }

    @Test
    void aRecipientGivenBackGoesFirstEvenWhenTheQueueIsFull() throws Exception {
        RecipientQueue q = new RecipientQueue(2);
        q.addLast(row(1));
        q.addLast(row(2));
        q.offerFirst(row(9));
        assertThat(q.pollFirst(10, TimeUnit.MILLISECONDS).id()).isEqualTo(9);
        assertThat(q.pollFirst().id()).isEqualTo(1);
        assertThat(q.pollFirst().id()).isEqualTo(2);
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.pollFirst(10, TimeUnit.MILLISECONDS)).isNull();
    }
}
