package org.broadside.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.ui.shell.MainWindow;
import org.broadside.ui.shell.Theme;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Takes the README's screenshots from the real app (run under xvfb-run): every panel of the sample campaign,
 * after a real send to the Sandbox, plus the managers and the dark theme. Usage: ScreenshotTour OUTPUT_DIR DATA_DIR
 */
public final class ScreenshotTour {
    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Path data = Path.of(args.length > 1 ? args[1] : "target/shot-home");
        Files.createDirectories(out);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        AppServices services = fx(() -> {
            Theme.setDark(false);
            return BroadsideApplication.create(data, new FxBackgroundRunner());
        });
        AppWindows windows = new AppWindows(services);
        fx(() -> {
            BroadsideApplication.openFirstWindow(services, windows);
            return null;
        });
        MainWindow w = fx(() -> windows.documents().get(0));
        pause(2500);
        for (String tab : new String[] {"Message", "Recipients", "Settings", "Preview"}) {
            fx(() -> { w.show(tab); return null; });
            pause(tab.equals("Preview") ? 3000 : 1500);
            shot(w.stage().getScene(), tab.toLowerCase());
        }
        fx(() -> {
            w.show("Message");
            var bodies = (javafx.scene.control.TabPane) w.stage().getScene().lookup("#bodyTabs");
            bodies.getSelectionModel().select(2);
            return null;
        });
        pause(1200);
        shot(w.stage().getScene(), "message-html-source");
        fx(() -> {
            ((javafx.scene.control.TabPane) w.stage().getScene().lookup("#bodyTabs")).getSelectionModel().select(0);
            w.show("Delivery");
            return null;
        });
        pause(800);
        fx(() -> { ((javafx.scene.control.Button) w.stage().getScene().lookup("#sendButton")).fire(); return null; });
        pause(8000);
        shot(w.stage().getScene(), "delivery");
        if (System.getenv("TOUR_DEBUG") != null) {
            System.out.println("send disabled=" + fx(() -> w.stage().getScene().lookup("#sendButton").isDisabled())
                    + " stop disabled=" + fx(() -> w.stage().getScene().lookup("#stopButton").isDisabled()));
            System.exit(0);
        }
        fx(() -> { windows.connectionLog(w.draft().document().uid(), 0); return null; });
        pause(2000);
        shot(lastWindow("Connection log"), "connection-log");
        fx(() -> { windows.sandboxInbox(); return null; });
        pause(1500);
        fx(() -> {
            var table = (javafx.scene.control.TableView<?>) windowNow("Sandbox inbox").lookup("#inboxTable");
            table.getSelectionModel().select(0);
            return null;
        });
        pause(500);
        shot(lastWindow("Sandbox inbox"), "sandbox-inbox");
        fx(() -> { windows.listManager(); return null; });
        pause(2000);
        shot(lastWindow("Lists and contacts"), "list-manager");
        fx(() -> { windows.accounts(); return null; });
        pause(1000);
        fx(() -> {
            var list = (javafx.scene.control.ListView<?>) windowNow("Accounts").lookup("#accountList");
            list.getSelectionModel().select(0);
            ((javafx.scene.control.Button) windowNow("Accounts").lookup("#accountTest")).fire();
            return null;
        });
        pause(2500);
        shot(lastWindow("Accounts"), "accounts");
        fx(() -> {
            ((javafx.scene.control.Button) windowNow("Lists and contacts").lookup("#importButton")).fire();
            return null;
        });
        pause(1000);
        Path csv = data.resolve("members.csv");
        Files.writeString(csv, "E-mail,First Name,Country\nzoe@example.com,Zoé,FR\nyann@example.com,Yann,FR\nxavier@example.org,Xavier,BE\n");
        fx(() -> {
            Scene s = windowNow("Import contacts");
            ((javafx.scene.control.TextField) s.lookup("#importFile")).setText(csv.toAbsolutePath().toString());
            ((javafx.scene.control.Button) s.lookup("#importPreview")).fire();
            return null;
        });
        pause(1500);
        fx(() -> {
            Scene s = windowNow("Import contacts");
            ((javafx.scene.control.ComboBox<?>) s.lookup("#importList")).getEditor().setText("Members");
            @SuppressWarnings("unchecked")
            var list = (javafx.scene.control.ComboBox<String>) s.lookup("#importList");
            list.setValue("Members");
            ((javafx.scene.control.Button) s.lookup("#importRun")).fire();
            return null;
        });
        pause(2000);
        pause(500);
        shot(lastWindow("Import contacts"), "import-wizard");
        fx(() -> {
            services.blacklist().add("@competitor.example", "asked us never to write", "desktop");
            services.blacklist().add("bounced@example.com", "5.1.1 no such user", "desktop");
            windows.blacklist();
            return null;
        });
        pause(1500);
        shot(lastWindow("Blacklist"), "blacklist");
        fx(() -> { Theme.setDark(true); w.stage().toFront(); w.show("Message"); return null; });
        pause(1500);
        shot(w.stage().getScene(), "message-dark");
        fx(() -> { Theme.setDark(false); return null; });
        fx(() -> { services.close(); return null; });
        Platform.exit();
        System.exit(0);
    }

    private static Scene lastWindow(String titleStart) throws Exception {
        return fx(() -> windowNow(titleStart));
    }

    /** On the FX thread: the newest window whose title starts so. */
    private static Scene windowNow(String titleStart) {
        return (Window.getWindows().stream().filter(x -> x instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith(titleStart))
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no window " + titleStart)).getScene());
    }

    private static void shot(Scene scene, String name) throws Exception {
        WritableImage img = fx(() -> scene.snapshot(null));
        File f = out.resolve(name + ".png").toFile();
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", f);
        System.out.println("wrote " + f);
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    private static void pause(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }
}
