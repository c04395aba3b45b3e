package org.broadside.delivery;

import org.broadside.store.Database;
import org.broadside.testing.StoreBackend;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Several processes pressing Send for the first time on one campaign at once get one campaign, not an error. */
class ConcurrentFirstSendTest {

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void eightFirstSendsAtOnceShareOneCampaign(StoreBackend backend) throws Exception {
        try (Database db = backend.open(TempDirs.create("first-send-" + backend))) {
            CampaignRepository campaigns = new CampaignRepository(db);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> ids = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    ids.add(pool.submit(() -> {
                        go.await();
                        return campaigns.findOrCreate("spring-2026", "Spring news", null).id();
                    }));
                }
                go.countDown();
                Set<Long> distinct = new java.util.HashSet<>();
                for (Future<Long> f : ids) distinct.add(f.get());
                assertThat(distinct).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
