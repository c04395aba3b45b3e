package org.broadside.ui.delivery;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.broadside.delivery.CampaignStatus;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Progress;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientState;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.shell.Theme;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Delivery panel over a big campaign (issue 12, item 8): N recipients frozen in a real SQLite store, the real
 * view and view model under headless JavaFX (Monocle), and an "engine" thread that delivers N receipts through the
 * listener as fast as the panel takes them, while the table jumps to random positions. Prints the time, the
 * longest FX pulse gap, the rows the table holds and the heap after GC. Run by bench/delivery-table.sh with -Xmx512m.
 * {@code DeliveryTableBench WORK_DIR N}
 */
public final class DeliveryTableBench {
    private static volatile long lastPulse;
    private static volatile long maxPulseGapNanos;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        StoredCampaign stored = new StoredCampaign(dir, "bench-" + n);
        if (stored.campaigns.find(stored.doc.uid()).isEmpty()) stored.freeze(n);
        System.out.printf("| frozen %,d recipients (or reused) | %,d ms |%n", n, (System.nanoTime() - t0) / 1_000_000);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        AtomicReference<DeliveryListener> listener = new AtomicReference<>();
        DeliveryViewModel vm = new DeliveryViewModel(() -> stored.doc, (d, w, u, l) -> {
            listener.set(l);
            return null;
        }, stored.campaigns, new FxBackgroundRunner());
        AtomicReference<TableView<RecipientItem>> table = new AtomicReference<>();
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Theme.apply();
            Stage stage = new Stage();
            DeliveryView view = new DeliveryView(vm);
            stage.setScene(new Scene(view, 1200, 760));
            stage.show();
            table.set(view.lookupAll("#deliveryTable").stream().map(x -> {
                @SuppressWarnings("unchecked") TableView<RecipientItem> t = (TableView<RecipientItem>) x;
                return t;
            }).findFirst().orElseThrow());
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (lastPulse != 0) maxPulseGapNanos = Math.max(maxPulseGapNanos, now - lastPulse);
                    lastPulse = now;
                }
            }.start();
            vm.load();
            vm.send();
            shown.complete(null);
        });
        shown.get();
        while (listener.get() == null) Thread.sleep(20);
        long first = stored.firstId();
        long start = System.nanoTime();
        maxPulseGapNanos = 0;
        Random random = new Random(1);
        long maxHeap = 0;
        for (int i = 0; i < n; i++) {
            listener.get().receipt(new Receipt(first + i, "r" + (i + 1) + "@example.com", RecipientState.SENT, 250, "2.0.0",
                    "2.0.0 Ok: queued as Q" + i, "Q" + i, 1, "Work", 1 + i % 16, Instant.now()));
            if (i % 50_000 == 49_999) {
                int to = random.nextInt(n);
                Platform.runLater(() -> table.get().scrollTo(to));
                // The engine waits for nothing; this bench paces itself a little so the queue reflects a fast real run.
                Thread.sleep(150);
                maxHeap = Math.max(maxHeap, heapAfterGc());
            }
        }
        listener.get().runEnded(new Progress(Map.of(RecipientState.SENT, (long) n), 10_000, n), CampaignStatus.FINISHED, null);
        CompletableFuture<Void> drained = new CompletableFuture<>();
        Platform.runLater(() -> drained.complete(null));
        drained.get();
        Thread.sleep(500);
        long ms = (System.nanoTime() - start) / 1_000_000;
        CompletableFuture<Integer> rows = new CompletableFuture<>();
        Platform.runLater(() -> rows.complete(((RecipientPages) vm.items()).rowsInMemory()));
        maxHeap = Math.max(maxHeap, heapAfterGc());
        System.out.printf("| %,d receipts through the panel | %,d ms | longest pulse gap %,d ms | rows held %,d | heap after GC max %,d MB of %,d MB |%n",
                n, ms, maxPulseGapNanos / 1_000_000, rows.get(), maxHeap / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
        Platform.exit();
        System.exit(0);
    }

    private static long heapAfterGc() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) used += pool.getCollectionUsage().getUsed();
        }
        return used;
    }
}
