package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.mime.MimeFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MimeTemplateConcurrencyTest {

    @Test
    void oneTemplateSharedByEngineThreadsWritesEveryMessageCorrectly() throws Exception {
        MimeTemplate template = MimeTemplate.prepare(layout(false, true, true, List.of(), List.of()));
        List<RenderedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            messages.add(message("Subject " + i, null, "<p>Hello recipient " + i + " " + "ü".repeat(i * 10) + "</p>"));
        }
        List<byte[]> expected = new ArrayList<>();
        for (RenderedMessage m : messages) {
            expected.add(template.toBytes(m));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < messages.size(); i++) {
                            if (!java.util.Arrays.equals(template.toBytes(messages.get(i)), expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
