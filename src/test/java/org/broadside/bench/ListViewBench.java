package org.broadside.bench;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.store.Database;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.lists.ContactRow;
import org.broadside.ui.lists.ListManagerView;
import org.broadside.ui.lists.ListManagerViewModel;
import org.broadside.ui.shell.Theme;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Drives the real list manager (view, view model, lazy pages from SQLite, the app's background runner) over a big
 * list under headless JavaFX (Monocle) and measures what a user would feel: how long until the rows of each step
 * show, how long each page query took, and the longest stall of the FX thread, seen two ways: the largest gap between
 * two animation pulses, and the longest wait of a Platform.runLater probe posted every 10 ms.
 * Run by bench/listview.sh: {@code ListViewBench DATA_DIR LIST_NAME}.
 */
public final class ListViewBench {
    private static final long STEP_TIMEOUT_MS = Long.getLong("bench.stepTimeoutMillis", 120_000);

    private final List<Timed> work = new CopyOnWriteArrayList<>();
    private volatile long maxPulseGapNanos;
    private volatile long maxProbeWaitNanos;
    private volatile long lastPulse;
    private TableView<ContactRow> table;
    private long fxThreadId;
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private TextField search;
    private ListManagerViewModel vm;

    /** One piece of background work: what it returned, how long it waited for a thread and how long it ran. */
    private record Timed(String kind, long waitNanos, long runNanos) {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String listName = args.length > 1 ? args[1] : "Bench";
        int exit = 0;
        try {
            new ListViewBench().run(data, listName);
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        }
        // The FX thread would keep the JVM alive after the last step.
        System.exit(exit);
    }

    private void run(Path data, String listName) throws Exception {
        Database db = Database.open(data);
        ContactRepository contacts = new ContactRepository(db);
        ContactList list = contacts.requireList(listName);
        long size = contacts.count(list.id());
        dropSortIndexes(db);
        System.out.printf("List \"%s\": %,d contacts, fields %s; heap limit %d MB%n", list.name(), size, list.fields(),
                Runtime.getRuntime().maxMemory() >> 20);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        BackgroundRunner runner = new TimingRunner(new FxBackgroundRunner());
        onFx(() -> {
            Theme.apply();
            vm = new ListManagerViewModel(contacts, runner);
            ListManagerView view = new ListManagerView(vm, () -> { });
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1100, 700);
            scene.getStylesheets().add(Theme.appStylesheet());
            stage.setScene(scene);
            stage.show();
            table = (TableView<ContactRow>) scene.lookup("#contactTable");
            fxThreadId = Thread.currentThread().getId();
            search = (TextField) scene.lookup("#contactSearch");
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (lastPulse != 0) maxPulseGapNanos = Math.max(maxPulseGapNanos, t - lastPulse);
                    lastPulse = t;
                }
            }.start();
            return null;
        });
        startProbe();
        warmUp(size);

        step("open the list (count + first page)", () -> vm.refreshLists(),
                () -> table.getItems().size() == size && visibleRowsLoaded(0));
        step("jump to the end", () -> jumpTo((int) size - 1), this::endRowsLoaded);
        randomPositions("scroll to a random position", size, 20, 1);
        step("jump back to the top", () -> table.scrollTo(0), () -> visibleRowsLoaded(0));

        String field = list.fields().contains("Last Name") ? "Last Name" : list.fields().get(0);
        step("sort by " + field + " (first time: builds its index)", () -> sortBy(field, TableColumn.SortType.ASCENDING),
                () -> sortedAndLoaded(field));
        step("jump to the end, sorted", () -> jumpTo((int) size - 1), this::endRowsLoaded);
        randomPositions("random position, sorted", size, 10, 2);
        step("sort by " + field + " descending", () -> sortBy(field, TableColumn.SortType.DESCENDING),
                () -> sortedAndLoaded(field));
        step("sort by Email", () -> sortBy("Email", TableColumn.SortType.ASCENDING), () -> sortedAndLoaded("Email"));
        step("back to list order", () -> table.getSortOrder().clear(), () -> !vm.statusProperty().get().equals("Counting…")
                && visibleRowsLoaded(-1));

        String needle = "user99999@";
        step("type \"" + needle + "\" in the search (120 ms per key)", () -> typeSlowly(needle),
                () -> search.getText().equals(needle) && vm.statusProperty().get().contains("contacts match")
                        && table.getItems().size() < size && visibleRowsLoaded(0));
        report("  matches: " + vm.statusProperty().get());
        step("clear the search", () -> search.setText(""), () -> table.getItems().size() == size && visibleRowsLoaded(0));
        step("search \"Zürich\" (pasted)", () -> search.setText("Zürich"),
                () -> vm.statusProperty().get().contains("contacts match") && visibleRowsLoaded(0));
        report("  matches: " + vm.statusProperty().get());
        step("jump to the end of the matches", () -> jumpTo(table.getItems().size() - 1), this::endRowsLoaded);
        step("sort the matches by Email", () -> sortBy("Email", TableColumn.SortType.ASCENDING),
                () -> sortedAndLoaded("Email"));

        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap in use at the end: %d MB (limit %d MB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    // ---- steps ---------------------------------------------------------------------------------------------------

    /** What one action cost: until shown, FX thread CPU, the worst stalls while it ran, and the page/count work it caused. */
    private record Measured(long shownMillis, long fxCpuNanos, long pulseGapNanos, long probeWaitNanos, List<Timed> work) {}

    /** Runs an action on the FX thread and waits until the condition (checked on the FX thread) holds. */
    private Measured measure(Runnable action, BooleanSupplier done) throws Exception {
        settle();
        int before = work.size();
        maxPulseGapNanos = 0;
        maxProbeWaitNanos = 0;
        long cpu = threads.getThreadCpuTime(fxThreadId);
        long start = System.nanoTime();
        onFx(() -> {
            action.run();
            return null;
        });
        waitUntil(done);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        long cpuNanos = threads.getThreadCpuTime(fxThreadId) - cpu;
        settle();
        return new Measured(millis, cpuNanos, maxPulseGapNanos, maxProbeWaitNanos, new ArrayList<>(work.subList(before, work.size())));
    }

    private void step(String name, Runnable action, BooleanSupplier done) throws Exception {
        Measured m = measure(action, done);
        fxCpuNanos = m.fxCpuNanos();
        record(name, m.shownMillis(), m.work());
    }

    private void randomPositions(String name, long size, int count, long seed) throws Exception {
        Random random = new Random(seed);
        List<Long> shown = new ArrayList<>();
        List<Timed> all = new ArrayList<>();
        long worstPulse = 0;
        long worstProbe = 0;
        long cpuTotal = 0;
        for (int i = 0; i < count; i++) {
            int index = random.nextInt((int) size);
            Measured m = measure(() -> table.scrollTo(index), () -> visibleRowsLoaded(index));
            shown.add(m.shownMillis());
            cpuTotal += m.fxCpuNanos();
            all.addAll(m.work());
            worstPulse = Math.max(worstPulse, m.pulseGapNanos());
            worstProbe = Math.max(worstProbe, m.probeWaitNanos());
        }
        Collections.sort(shown);
        maxPulseGapNanos = worstPulse;
        maxProbeWaitNanos = worstProbe;
        fxCpuNanos = cpuTotal / count;
        record(String.format("%s (%d times; shown median %d ms, max %d)", name, count, shown.get(count / 2), shown.get(count - 1)),
                shown.get(count - 1), all);
    }

    /**
     * Brings a row fully into view, as Ctrl+End or dragging the scroll bar does. TableView.scrollTo(index) puts the row
     * at the top instead, and for the last row of a long list JavaFX 21 can stop one row short of showing it.
     */
    private void jumpTo(int index) {
        ((javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow")).scrollTo(index);
    }

    private void sortBy(String field, TableColumn.SortType type) {
        TableColumn<ContactRow, ?> col = table.getColumns().stream().filter(c -> field.equals(c.getUserData())).findFirst().orElseThrow();
        col.setSortType(type);
        table.getSortOrder().setAll(List.of(col));
    }

    /** The first visible row is loaded and its column is the one the table is sorted by. */
    private boolean sortedAndLoaded(String field) {
        return !table.getSortOrder().isEmpty() && field.equals(table.getSortOrder().get(0).getUserData())
                && !vm.statusProperty().get().equals("Counting…") && visibleRowsLoaded(-1);
    }

    private void typeSlowly(String text) {
        Thread typist = new Thread(() -> {
            for (int i = 1; i <= text.length(); i++) {
                String prefix = text.substring(0, i);
                Platform.runLater(() -> search.setText(prefix));
                sleep(120);
            }
        }, "typist");
        typist.setDaemon(true);
        typist.start();
    }

    /**
     * Every row the table shows has its contact, and the row at {@code index} is among them (any index when
     * negative: a sort keeps the scroll position, so whatever rows show must be the sorted ones).
     */
    private boolean visibleRowsLoaded(int index) {
        table.layout();
        boolean found = false;
        for (var node : table.lookupAll(".table-row-cell")) {
            TableRow<?> row = (TableRow<?>) node;
            if (!row.isVisible() || row.getIndex() < 0 || row.getIndex() >= table.getItems().size()) continue;
            if (!(row.getItem() instanceof ContactRow r) || !r.loaded()) return false;
            if (row.getIndex() == index || index < 0) found = true;
        }
        return found;
    }

    /**
     * The rows at the end of the list show, loaded. JavaFX 21's VirtualFlow sometimes stops one row short of the last
     * one after a jump to it (seen at 60,000 and 125,137 rows with this table's height), so the last but one counts.
     */
    private boolean endRowsLoaded() {
        int size = table.getItems().size();
        return visibleRowsLoaded(size - 1) || visibleRowsLoaded(size - 2);
    }

    private String describeVisibleRows() {
        StringBuilder sb = new StringBuilder("of " + table.getItems().size() + ":");
        for (var node : table.lookupAll(".table-row-cell")) {
            TableRow<?> row = (TableRow<?>) node;
            if (row.isVisible()) sb.append(' ').append(row.getIndex()).append(row.getItem() instanceof ContactRow r && r.loaded() ? "" : "(empty)");
        }
        return sb.toString();
    }

    /** Opens and closes the list once so class loading and JIT do not count against the first measured step. */
    private void warmUp(long size) throws Exception {
        onFx(() -> {
            vm.refreshLists();
            return null;
        });
        waitUntil(() -> table.getItems().size() == size && visibleRowsLoaded(0));
        onFx(() -> {
            vm.selectedProperty().set(null);
            return null;
        });
        waitUntil(() -> table.getItems().isEmpty());
    }

    // ---- measuring -----------------------------------------------------------------------------------------------

    private void record(String name, long shownMillis, List<Timed> mine) {
        long[] pages = mine.stream().filter(t -> t.kind().equals("page")).mapToLong(Timed::runNanos).sorted().toArray();
        long[] counts = mine.stream().filter(t -> t.kind().equals("count")).mapToLong(Timed::runNanos).sorted().toArray();
        String pageText = pages.length == 0 ? "-" : String.format(Locale.ROOT, "%d: median %.1f, max %.1f", pages.length,
                ms(pages[pages.length / 2]), ms(pages[pages.length - 1]));
        String countText = counts.length == 0 ? "-" : String.format(Locale.ROOT, "%d: max %.1f", counts.length, ms(counts[counts.length - 1]));
        report(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %.0f | %.0f | %.0f |", name, shownMillis, pageText, countText,
                ms(fxCpuNanos), ms(maxPulseGapNanos), ms(maxProbeWaitNanos)));
    }

    private void report(String line) {
        System.out.println(line);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /**
     * Every 10 ms, asks the FX thread to run a no-op and records how long that took to get its turn. With
     * -Dbench.stalls=MILLIS, also prints what the FX thread was doing whenever a probe has waited that long.
     */
    private void startProbe() {
        Thread probe = new Thread(() -> {
            while (true) {
                long posted = System.nanoTime();
                if (pendingProbe == 0) pendingProbe = posted; // the oldest probe still waiting
                Platform.runLater(() -> {
                    maxProbeWaitNanos = Math.max(maxProbeWaitNanos, System.nanoTime() - posted);
                    if (pendingProbe == posted) pendingProbe = 0;
                });
                sleep(10);
            }
        }, "fx-stall-probe");
        probe.setDaemon(true);
        probe.start();
        long reportAfter = Long.getLong("bench.stalls", 0);
        if (reportAfter <= 0) return;
        Thread fx = onFxUnchecked(Thread::currentThread);
        Thread sampler = new Thread(() -> {
            while (true) {
                long since = pendingProbe;
                if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(reportAfter)) {
                    // Sample the FX thread every 2 ms until the probe runs, then print the frames seen most often.
                    long cpuAtStart = threads.getThreadCpuTime(fx.getId());
                    java.util.Map<String, Integer> frames = new java.util.HashMap<>();
                    int samples = 0;
                    while (pendingProbe == since) {
                        samples++;
                        java.util.Set<String> once = new java.util.HashSet<>();
                        for (StackTraceElement e : fx.getStackTrace()) {
                            String f = e.getClassName() + "." + e.getMethodName();
                            if (once.add(f)) frames.merge(f, 1, Integer::sum);
                        }
                        sleep(2);
                    }
                    long stalled = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
                    long busy = TimeUnit.NANOSECONDS.toMillis(threads.getThreadCpuTime(fx.getId()) - cpuAtStart);
                    StringBuilder sb = new StringBuilder("FX thread stalled ~" + stalled + " ms (" + busy + " ms of it on the CPU), "
                            + samples + " samples; most frequent frames:\n");
                    int total = samples;
                    frames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(30)
                            .forEach(e -> sb.append(String.format("    %3d%% %s%n", 100 * e.getValue() / total, e.getKey())));
                    System.out.print(sb);
                }
                sleep(2);
            }
        }, "fx-stall-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private volatile long pendingProbe;
    /** CPU time the FX thread used during the last step (per position for the random ones), bench code included. */
    private long fxCpuNanos;

    private static <T> T onFxUnchecked(Callable<T> work) {
        try {
            return onFx(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets queued work and a few pulses pass so one step's tail does not count against the next. */
    private void settle() throws Exception {
        sleep(300);
        onFx(() -> null);
    }

    private void waitUntil(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STEP_TIMEOUT_MS);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("step did not finish; status: " + vm.statusProperty().get() + "; rows shown: "
                        + onFx(this::describeVisibleRows));
            }
            sleep(5);
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The sort indexes are built the first time a user sorts by a field; drop them so every run measures that. */
    private static void dropSortIndexes(Database db) {
        db.inTransaction(c -> {
            List<String> names = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'contacts_by_field_%'")) {
                while (rs.next()) names.add(rs.getString(1));
            }
            for (String n : names) c.createStatement().execute("DROP INDEX " + n);
            return null;
        });
    }

    /** The app's runner, timing each piece of work; pages are the lists of contacts, counts the long[] answers. */
    private final class TimingRunner implements BackgroundRunner {
        private final BackgroundRunner inner;

        TimingRunner(BackgroundRunner inner) {
            this.inner = inner;
        }

        @Override
        public <T> Cancellable run(Callable<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            long queued = System.nanoTime();
            return inner.run(() -> {
                long start = System.nanoTime();
                T result = job.call();
                String kind = result instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Contact ? "page"
                        : result instanceof long[] ? "count" : "other";
                work.add(new Timed(kind, start - queued, System.nanoTime() - start));
                return result;
            }, onSuccess, onFailure);
        }
    }
}
