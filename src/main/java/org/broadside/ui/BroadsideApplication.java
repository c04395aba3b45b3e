package org.broadside.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.broadside.accounts.CredentialStores;
import org.broadside.compose.CampaignSender;
import org.broadside.store.DataDirectory;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.accounts.LazyCredentialStore;
import org.broadside.ui.common.PassphrasePrompt;
import org.broadside.ui.shell.Theme;

import java.nio.file.Path;

/** The JavaFX application: opens the store and the Sandbox, then the sample or the most recent campaign. */
public final class BroadsideApplication extends Application {
    private AppServices services;
    private FxBackgroundRunner runner;
    private AppWindows windows;

    @Override
    public void start(Stage ignored) {
        org.broadside.ui.common.UnexpectedErrors.install();
        Theme.apply();
        Path data = DesktopApp.dataDirectory() != null ? DesktopApp.dataDirectory() : DataDirectory.resolve(null);
        runner = new FxBackgroundRunner();
        try {
            services = create(data, runner);
        } catch (RuntimeException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText("Broadside cannot start");
            a.showAndWait();
            Platform.exit();
            return;
        }
        windows = new AppWindows(services);
        openFirstWindow(services, windows);
        windows.startScheduler();
        try {
            services.bounceScans().start();
        } catch (RuntimeException e) {
            // Bounce processing is an extra: the app works without it, and the Tools menu scan reports the problem.
            org.slf4j.LoggerFactory.getLogger(BroadsideApplication.class).warn("Bounce scans not scheduled", e);
        }
    }

    /** The services of a running app: the credential store opens when first needed, Send goes through CampaignSender. */
    static AppServices create(Path data, FxBackgroundRunner runner) {
        LazyCredentialStore credentials = new LazyCredentialStore(
                () -> CredentialStores.open(data, System.getenv(),
                        org.broadside.accounts.PassphraseSource.fromEnvironment(System.getenv()).orElse(new PassphrasePrompt())));
        AppServices s = new AppServices(data, runner, () -> credentials);
        CampaignSender sender = CampaignSender.create(s.database(), credentials);
        s.setCampaignRunner(new org.broadside.ui.delivery.CampaignRunner() {
            @Override
            public org.broadside.delivery.RunHandle start(org.broadside.campaign.CampaignDocument doc, boolean wait, boolean unknown,
                                                          org.broadside.delivery.DeliveryListener listener) throws Exception {
                return s.track(sender.start(doc, wait, unknown, CampaignSender.PreSendChecks.ALL, listener, null));
            }

            @Override
            public org.broadside.delivery.RunHandle startOverridingChecks(org.broadside.campaign.CampaignDocument doc, boolean wait,
                    boolean unknown, org.broadside.delivery.DeliveryListener listener) throws Exception {
                return s.track(sender.start(doc, wait, unknown, CampaignSender.PreSendChecks.OVERRIDDEN, listener, null));
            }
        });
        return s;
    }

    static void openFirstWindow(AppServices services, AppWindows windows) {
        Path first = null;
        try {
            first = FirstRun.prepare(services.dataDirectory(), services.contacts());
        } catch (Exception e) {
            // Without the sample the app still works: open an empty campaign instead.
        }
        if (first == null && !services.recent().files().isEmpty() && services.recent().files().get(0).toFile().isFile()) {
            first = services.recent().files().get(0);
        }
        if (first != null) windows.open(first);
        else windows.newDocument();
    }

    @Override
    public void stop() {
        if (windows != null) windows.stopScheduler();
        if (runner != null) runner.shutdown();
        if (services != null) services.close();
    }
}
