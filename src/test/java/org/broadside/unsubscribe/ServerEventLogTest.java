package org.broadside.unsubscribe;

import org.broadside.testing.StoreBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.broadside.store.Database;
import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.AfterEach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

class ServerEventLogTest {
    Database db;

    @AfterEach
    void closeStore() {
        if (db != null) db.close();
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void closingWritesEveryAcceptedEventAndRefusesLaterOnes(StoreBackend backend) throws Exception {

        db = backend.open(TempDirs.create("event-log"));
        ServerEventLog log = new ServerEventLog(db);
        List<CompletableFuture<Optional<ServerEvent>>> accepted = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) accepted.add(log.unsubscribe(new RecipientToken("c", "r" + i + "@example.com", null), "one-click"));
        log.close();
        CompletableFuture<Optional<ServerEvent>> late = log.unsubscribe(new RecipientToken("c", "late@example.com", null), "one-click");
        int ok = 0;
        for (CompletableFuture<Optional<ServerEvent>> f : accepted) {
            assertThat(f).isDone();
            if (f.get().isPresent()) ok++;
        }
        assertThat(ok).isEqualTo(2_000);
        assertThat(new ServerEventLog(db).count(ServerEventKind.UNSUBSCRIBE)).isEqualTo(2_000);
        try {
            late.get();
            org.assertj.core.api.Assertions.fail("a closed log took an event");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ServerClosingException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreBackend.class)
    void anUndoWithoutAStandingUnsubscribeRecordsNothing(StoreBackend backend) throws Exception {

        db = backend.open(TempDirs.create("event-log"));
        try (ServerEventLog log = new ServerEventLog(db)) {
            RecipientToken jo = new RecipientToken("c", "jo@example.com", null);
            assertThat(log.undo(jo, "unsubscribe page").get()).isEmpty();
            ServerEvent first = log.unsubscribe(jo, "one-click").get().orElseThrow();
            assertThat(log.unsubscribe(new RecipientToken("c", "JO@example.com", null), "one-click").get().orElseThrow().uid()).isEqualTo(first.uid());
            ServerEvent undo = log.undo(jo, "unsubscribe page").get().orElseThrow();
            assertThat(undo.refersTo()).isEqualTo(first.uid());
            assertThat(log.isUnsubscribed(jo)).isFalse();
        }
    }
}
