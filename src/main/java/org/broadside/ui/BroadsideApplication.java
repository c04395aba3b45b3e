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

/**
 * The JavaFX application: opens the store (the team store named on the command line, else the one chosen in
 * File &gt; Open team store, else this computer's) and the Sandbox, then the sample or the most recent campaign.
 */
public final class BroadsideApplication extends Application implements StoreSwitch {
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
            services = create(data, runner, DesktopApp.teamStore());
        } catch (RuntimeException e) {
            LOG.error("Broadside cannot start on {}", data, e);
            ErrorDialog.create("Broadside cannot start", FailureText.of(e), e).showAndWait();
            Platform.exit();
            return;
        }
        openWindows();
    }

    private void openWindows() {
        windows = new AppWindows(services, this);
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

    /**
     * Closes every window (each asks about unsaved changes) and the services on the old store, then opens the app on
     * {@code next}. JavaFX would end the app when its last window closes: not while it moves.
     */
    @Override
    public boolean moveTo(org.broadside.store.Database next) {
        if (services.isSending()) return false;
        for (var w : java.util.List.copyOf(windows.documents())) {
            if (!w.closeAsking()) return false;
        }
        Path data = services.dataDirectory();
        Platform.setImplicitExit(false);
        try {
            for (var w : java.util.List.copyOf(javafx.stage.Window.getWindows())) w.hide();
            windows.stopScheduler();
            services.close();
            try {
                services = create(data, runner, next);
            } catch (RuntimeException e) {
                // The old store is closed already: rather than an app without a window, this computer's store.
                LOG.error("Broadside could not open its windows on {}", next.describe(), e);
                next.close();
                ErrorDialog.create("Broadside cannot use " + next.describe(), FailureText.of(e)
                        + "\n\nBroadside opens this computer's store instead.", e).showAndWait();
                services = create(data, runner, org.broadside.store.Database.open(data));
            }
            openWindows();
            LOG.info("Moved to {}", services.database().describe());
            return true;
        } finally {
            Platform.setImplicitExit(true);
        }
    }

    /** The services of a running app: the credential store opens when first needed, Send goes through CampaignSender. */
    static AppServices create(Path data, FxBackgroundRunner runner) {
        return create(data, runner, (org.broadside.store.TeamStore) null);
    }

    /**
     * As {@link #create(Path, FxBackgroundRunner)}, on {@code team} when given (a store that cannot be opened then
     * stops the start, as a bad --data does), else on the team store chosen in the app before, else on this computer's.
     * A remembered team store that cannot be reached does not keep the app from starting: it says why and opens this
     * computer's store, where File &gt; Open team store tries again.
     */
    static AppServices create(Path data, FxBackgroundRunner runner, org.broadside.store.TeamStore team) {
        LazyCredentialStore credentials = credentials(data);
        org.broadside.store.Database db;
        if (team != null) {
            db = org.broadside.store.Database.openTeam(data, team);
        } else {
            db = rememberedTeamStore(data, credentials).orElseGet(() -> org.broadside.store.Database.open(data));
        }
        return create(data, runner, db, credentials);
    }

    private static AppServices create(Path data, FxBackgroundRunner runner, org.broadside.store.Database db) {
        return create(data, runner, db, credentials(data));
    }

    private static LazyCredentialStore credentials(Path data) {
        return new LazyCredentialStore(
                () -> CredentialStores.open(data, System.getenv(),
                        org.broadside.accounts.PassphraseSource.fromEnvironment(System.getenv()).orElse(new PassphrasePrompt())));
    }

    private static java.util.Optional<org.broadside.store.Database> rememberedTeamStore(Path data, LazyCredentialStore credentials) {
        var choice = org.broadside.store.SavedTeamStore.load(data);
        if (choice.isEmpty()) return java.util.Optional.empty();
        String where = choice.get().withPassword(null).describe();
        try {
            String password = credentials.get(org.broadside.store.SavedTeamStore.credentialKey(choice.get().url()))
                    .map(chars -> {
                        String p = new String(chars);
                        java.util.Arrays.fill(chars, '\0');
                        return p;
                    }).orElse(null);
            return java.util.Optional.of(org.broadside.store.Database.openTeam(data, choice.get().withPassword(password)));
        } catch (RuntimeException e) {
            LOG.warn("The team store {} could not be opened at start", where, e);
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING,
                    FailureText.of(e) + "\n\nBroadside opens this computer's store instead. File > Open team store… tries again.");
            a.setHeaderText("The team store " + where + " cannot be opened");
            a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            a.showAndWait();
            return java.util.Optional.empty();
        }
    }

    private static AppServices create(Path data, FxBackgroundRunner runner, org.broadside.store.Database db, LazyCredentialStore credentials) {
        AppServices s = new AppServices(data, db, runner, () -> credentials);
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
