package org.broadside.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.broadside.accounts.CredentialStores;
import org.broadside.compose.CampaignSender;
import org.broadside.diagnostics.FailureText;
import org.broadside.diagnostics.LogFile;
import org.broadside.store.DataDirectory;
import org.broadside.ui.common.ErrorDialog;
import org.broadside.ui.common.FxBackgroundRunner;
import org.broadside.accounts.LazyCredentialStore;
import org.broadside.ui.common.PassphrasePrompt;
import org.broadside.ui.shell.Theme;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/** The JavaFX application: opens the store and the Sandbox, then the sample or the most recent campaign. */
public final class BroadsideApplication extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(BroadsideApplication.class);
    private AppServices services;
    private FxBackgroundRunner runner;
    private AppWindows windows;

    @Override
    public void start(Stage ignored) {
        Path data = DesktopApp.dataDirectory() != null ? DesktopApp.dataDirectory() : DataDirectory.resolve(null);
        // Started by the command line already (with its --verbose); started here when the app is launched directly.
        if (LogFile.current().isEmpty()) LogFile.start(data, LogFile.Console.WARNINGS);
        org.broadside.ui.common.UnexpectedErrors.install();
        Theme.apply();
        runner = new FxBackgroundRunner();
        try {
            services = create(data, runner);
        } catch (RuntimeException e) {
            LOG.error("Broadside cannot start on {}", data, e);
            ErrorDialog.create("Broadside cannot start", FailureText.of(e), e).showAndWait();
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
            LOG.warn("Bounce scans not scheduled", e);
        }
        try {
            services.serverPulls().start();
        } catch (RuntimeException e) {
            LOG.warn("Unsubscribe pulls not scheduled", e);
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
            LOG.warn("The sample campaign could not be prepared", e);
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
