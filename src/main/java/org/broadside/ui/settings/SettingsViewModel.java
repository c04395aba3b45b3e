package org.broadside.ui.settings;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.DeliveryOptions;
import org.broadside.campaign.Tracking;
import org.broadside.campaign.Unsubscribe;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.StoreSubscription;
import org.broadside.ui.shell.CampaignDraft;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Settings tab: name, sending accounts, unsubscribe method and the retry and error-budget options. The accounts
 * offered follow the store while the tab shows (an account added in the Accounts window or by the command line).
 */
public final class SettingsViewModel {
    private final CampaignDraft draft;
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty accounts = new SimpleStringProperty();
    private final StringProperty unsubscribeMailto = new SimpleStringProperty();
    private final StringProperty unsubscribeUrl = new SimpleStringProperty();
    private final BooleanProperty noUnsubscribe = new SimpleBooleanProperty();
    private final StringProperty unsubscribeServer = new SimpleStringProperty();
    private final StringProperty pageLanguage = new SimpleStringProperty();
    private final BooleanProperty trackOpens = new SimpleBooleanProperty();
    private final BooleanProperty trackClicks = new SimpleBooleanProperty();
    private final StringProperty retryAfterSeconds = new SimpleStringProperty();
    private final StringProperty maxAttempts = new SimpleStringProperty();
    private final StringProperty errorBudgetPercent = new SimpleStringProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObservableList<String> knownAccounts = FXCollections.observableArrayList();
    private final Supplier<List<String>> accountNames;
    private final BackgroundRunner runner;
    private final ObservableList<String> domainFindings = FXCollections.observableArrayList();
    private final StringProperty domainStatus = new SimpleStringProperty("Not checked yet.");
    private final BooleanProperty checkingDomain = new SimpleBooleanProperty();
    private java.util.function.Function<org.broadside.campaign.CampaignDocument, List<org.broadside.compose.CheckLine>> domainChecker;
    private final StringProperty dkimDomain = new SimpleStringProperty("");
    private java.util.function.Consumer<String> dkimOpener = d -> { };
    private final StoreSubscription store = new StoreSubscription(e -> {
        if (e instanceof AppEvent.AccountsChanged) refreshAccounts();
    });

    public SettingsViewModel(CampaignDraft draft, Supplier<List<String>> accountNames, BackgroundRunner runner) {
        this.draft = draft;
        this.accountNames = accountNames;
        this.runner = runner;
        Campaign c = draft.campaign();
        name.set(c.name() == null ? "" : c.name());
        accounts.set(String.join(", ", c.account()));
        Unsubscribe u = c.unsubscribe();
        unsubscribeMailto.set(u == null || u.mailto() == null ? "" : u.mailto());
        unsubscribeUrl.set(u == null || u.url() == null ? "" : u.url());
        noUnsubscribe.set(u != null && u.noneChosen());
        unsubscribeServer.set(u == null || u.server() == null ? "" : u.server());
        pageLanguage.set(u == null || u.language() == null ? "" : u.language());
        trackOpens.set(c.tracksOpens());
        trackClicks.set(c.tracksClicks());
        DeliveryOptions d = c.delivery();
        retryAfterSeconds.set(text(d.retryAfterSeconds()));
        maxAttempts.set(text(d.maxAttempts()));
        errorBudgetPercent.set(text(d.errorBudgetPercent()));
        for (var p : List.of(name, accounts, unsubscribeMailto, unsubscribeUrl, unsubscribeServer, pageLanguage, retryAfterSeconds,
                maxAttempts, errorBudgetPercent)) {
            p.addListener((o, a, b) -> commit());
        }
        noUnsubscribe.addListener((o, a, b) -> commit());
        trackOpens.addListener((o, a, b) -> commit());
        trackClicks.addListener((o, a, b) -> commit());
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty accountsProperty() { return accounts; }
    public StringProperty unsubscribeMailtoProperty() { return unsubscribeMailto; }
    public StringProperty unsubscribeUrlProperty() { return unsubscribeUrl; }
    public BooleanProperty noUnsubscribeProperty() { return noUnsubscribe; }
    /** The Broadside server (broadside serve) that receives the unsubscribes, e.g. https://news.acme.example. */
    public StringProperty unsubscribeServerProperty() { return unsubscribeServer; }
    /** The landing page's language: a code ("fr") or a field ("[Language]"); empty: the reader's browser decides. */
    public StringProperty pageLanguageProperty() { return pageLanguage; }
    public BooleanProperty trackOpensProperty() { return trackOpens; }
    public BooleanProperty trackClicksProperty() { return trackClicks; }
    public StringProperty retryAfterSecondsProperty() { return retryAfterSeconds; }
    public StringProperty maxAttemptsProperty() { return maxAttempts; }
    public StringProperty errorBudgetPercentProperty() { return errorBudgetPercent; }
    public StringProperty problemProperty() { return problem; }
    public ObservableList<String> knownAccounts() { return knownAccounts; }
    /** Findings of the last domain check (SPF, DKIM, DMARC, MX), each with its fix. */
    public ObservableList<String> domainFindings() { return domainFindings; }
    public StringProperty domainStatusProperty() { return domainStatus; }
    public BooleanProperty checkingDomainProperty() { return checkingDomain; }

    /** How the From domain is checked (DNS lookups); the app passes DomainSetupChecks, tests a fake. */
    public void setDomainChecker(java.util.function.Function<org.broadside.campaign.CampaignDocument, List<org.broadside.compose.CheckLine>> checker) {
        this.domainChecker = checker;
    }

    /** The domain whose DKIM finding the last check reported (empty when none): the "Set up DKIM…" link opens it. */
    public StringProperty dkimDomainProperty() { return dkimDomain; }

    /** How the DKIM keys window is opened on a domain; the app passes its window, tests a recorder. */
    public void setDkimOpener(java.util.function.Consumer<String> opener) { this.dkimOpener = opener; }

    /** Opens the DKIM keys window on the domain of the last DKIM finding. */
    public void setUpDkim() {
        if (!dkimDomain.get().isEmpty()) dkimOpener.accept(dkimDomain.get());
    }

    /** Checks the From domain's DNS records in the background (the lookups can take seconds). */
    public void checkDomain() {
        if (domainChecker == null || checkingDomain.get()) return;
        checkingDomain.set(true);
        domainStatus.set("Checking the From domain's DNS records...");
        var doc = draft.document();
        runner.run(() -> domainChecker.apply(doc), lines -> {
            checkingDomain.set(false);
            domainFindings.setAll(lines.stream().map(l -> (l.severity() == org.broadside.merge.Severity.ERROR ? "Fail: " : "Warning: ")
                    + org.broadside.ui.common.CheckWords.of(l)).toList());
            dkimDomain.set(lines.stream().filter(org.broadside.ui.common.CheckWords::isDkim).map(org.broadside.compose.CheckLine::about)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(""));
            long fails = lines.stream().filter(l -> l.severity() == org.broadside.merge.Severity.ERROR).count();
            domainStatus.set(lines.isEmpty() ? "SPF, DKIM, DMARC and MX look right."
                    : fails > 0 ? fails + " check" + (fails == 1 ? "" : "s") + " failed: receivers will likely reject or junk this mail until they are fixed."
                    : "No failures; " + lines.size() + " warning" + (lines.size() == 1 ? "" : "s") + ".");
        }, e -> {
            checkingDomain.set(false);
            domainStatus.set("The domain check could not run: " + e.getMessage());
        });
    }

    /** Where store changes come from (the app's bus on the FX thread); heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(EventSource events) { store.use(events); }

    /** The tab shows: follow account changes, and read the accounts as they are now. */
    public void activate() {
        store.open();
        refreshAccounts();
    }

    public void deactivate() { store.close(); }

    public void refreshAccounts() {
        runner.run(accountNames::get, knownAccounts::setAll, e -> problem.set("The accounts could not be read: " + e.getMessage()));
    }

    /** Adds an account to the rotation (or makes it the only one when none is set). */
    public void useAccount(String account) {
        List<String> now = parseAccounts(accounts.get());
        if (!now.contains(account)) accounts.set(now.isEmpty() ? account : accounts.get() + ", " + account);
    }

    private void commit() {
        Integer retry;
        Integer attempts;
        Integer budget;
        try {
            retry = number(retryAfterSeconds.get(), "Retry after", 1, 86_400);
            attempts = number(maxAttempts.get(), "Attempts", 1, 100);
            budget = number(errorBudgetPercent.get(), "Error budget", 1, 100);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        String mailto = blankToNull(unsubscribeMailto.get());
        String url = blankToNull(unsubscribeUrl.get());
        String server = blankToNull(unsubscribeServer.get());
        String language = blankToNull(pageLanguage.get());
        // Every field of the campaign's unsubscribe is carried: saving the tab once dropped the server and language.
        Unsubscribe u = mailto == null && url == null && server == null && language == null && !noUnsubscribe.get() ? null
                : new Unsubscribe(mailto, url, noUnsubscribe.get() ? Boolean.TRUE : null, server, language);
        Tracking tracking = trackOpens.get() || trackClicks.get()
                ? new Tracking(trackOpens.get() ? Boolean.TRUE : null, trackClicks.get() ? Boolean.TRUE : null) : null;
        draft.update(c -> {
            DeliveryOptions d = c.delivery();
            DeliveryOptions nd = new DeliveryOptions(retry, attempts, d.giveUpAfterHours(), budget, d.errorBudgetWindow(),
                    d.weights(), d.returnPath(), d.requireFields(), d.durability(), d.verp());
            return c.withName(blankToNull(name.get())).withRecipients(parseAccounts(accounts.get()), c.list(), c.filter())
                    .withUnsubscribe(u).withDelivery(nd).withTracking(tracking);
        });
    }

    static List<String> parseAccounts(String s) {
        if (s == null || s.isBlank()) return List.of();
        return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }

    private static Integer number(String s, String what, int min, int max) {
        if (s == null || s.isBlank()) return null;
        try {
            int v = Integer.parseInt(s.strip());
            if (v < min || v > max) throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ".");
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number.");
        }
    }

    private static String text(Integer i) { return i == null ? "" : i.toString(); }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
