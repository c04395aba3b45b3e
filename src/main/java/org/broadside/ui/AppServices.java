package org.broadside.ui;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountPresets;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.CredentialStore;
import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CampaignChecks;
import org.broadside.compose.CheckLine;
import org.broadside.compose.UnsubscribeTokens;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.delivery.CampaignRepository;
import org.broadside.events.AppEvents;
import org.broadside.events.EventSource;
import org.broadside.store.Database;
import org.broadside.store.StoreWatcher;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.FxEvents;
import org.broadside.ui.delivery.CampaignRunner;
import org.broadside.ui.sandbox.SandboxServer;
import org.broadside.ui.shell.RecentFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every window of the app shares: the store and its repositories, the bus of store changes (with the watcher
 * that adds other processes' changes to it), the Sandbox server, the background runner and the recent files. Built
 * once at start; tests build one over a temporary directory.
 */
public final class AppServices implements AutoCloseable {
    private final Path dataDirectory;
    private final Database db;
    private final ContactRepository contacts;
    private final BlacklistRepository blacklist;
    private final CampaignRepository campaigns;
    private final AccountRepository accounts;
    private final SandboxServer sandbox;
    private final BackgroundRunner runner;
    private final RecentFiles recent;
    private final Supplier<CredentialStore> credentials;
    private CampaignRunner campaignRunner;
    private final StoreWatcher watcher;
    private final EventSource uiEvents;
    private byte[] tokenKey;

    public AppServices(Path dataDirectory, BackgroundRunner runner, Supplier<CredentialStore> credentials) {
        this(dataDirectory, Database.open(dataDirectory), runner, credentials);
    }

    /** Over an open store: this computer's or a team store (File &gt; Open team store), which the services close. */
    public AppServices(Path dataDirectory, Database db, BackgroundRunner runner, Supplier<CredentialStore> credentials) {
        this.dataDirectory = dataDirectory;
        this.db = db;
        this.contacts = new ContactRepository(db);
        this.blacklist = new BlacklistRepository(db);
        this.campaigns = new CampaignRepository(db);
        this.accounts = new AccountRepository(db);
        this.runner = runner;
        this.credentials = credentials;
        this.recent = new RecentFiles(dataDirectory.resolve("recent-campaigns.txt"));
        this.sandbox = SandboxServer.start(dataDirectory.resolve("sandbox"));
        registerSandboxAccount();
        // 1.5 s: a list imported by the command line shows up about as fast as one could switch windows to look.
        this.watcher = StoreWatcher.start(db, Duration.ofMillis(1500));
        this.uiEvents = new FxEvents(db.events());
    }

    /**
     * The Sandbox keeps its port between starts, but takes another when that one is in use: the account is written
     * only when it is missing or points elsewhere, so the user's own pacing for it is kept.
     */
    private void registerSandboxAccount() {
        var existing = accounts.find(SandboxServer.ACCOUNT_NAME);
        if (existing.isPresent() && sandbox.host().equals(existing.get().host()) && existing.get().port() == sandbox.port()) return;
        Account sandboxAccount = existing.map(a -> a.toBuilder().host(sandbox.host()).port(sandbox.port()).build())
                .orElseGet(() -> AccountPresets.find("sandbox").orElseThrow().builder(SandboxServer.ACCOUNT_NAME)
                        .host(sandbox.host()).port(sandbox.port()).build());
        accounts.save(sandboxAccount);
    }

    public Path dataDirectory() { return dataDirectory; }
    public Database database() { return db; }
    public ContactRepository contacts() { return contacts; }
    public BlacklistRepository blacklist() { return blacklist; }
    public CampaignRepository campaigns() { return campaigns; }
    public AccountRepository accounts() { return accounts; }
    public SandboxServer sandbox() { return sandbox; }
    public BackgroundRunner runner() { return runner; }
    public RecentFiles recent() { return recent; }
    /** The bus of store changes: publish here what a write outside the repositories changed. Listeners run on the publisher's thread. */
    public AppEvents events() { return db.events(); }
    /** The same changes, delivered on the FX thread and coalesced: what view models listen to. */
    public EventSource uiEvents() { return uiEvents; }
    public CredentialStore credentials() { return credentials.get(); }

    private BounceMailboxScans bounceScans;

    /** Scheduled and on-demand scans of the bounce mailboxes. */
    synchronized BounceMailboxScans bounceScans() {
        if (bounceScans == null) bounceScans = new BounceMailboxScans(db, credentials);
        return bounceScans;
    }

    private UnsubscribeServerPulls serverPulls;

    /** Timed and on-demand pulls from the Broadside servers this desktop knows. */
    synchronized UnsubscribeServerPulls serverPulls() {
        if (serverPulls == null) serverPulls = new UnsubscribeServerPulls(db, credentials);
        return serverPulls;
    }

    public CampaignRunner campaignRunner() { return campaignRunner; }

    /** How Send starts the engine; set by the application (tests may set their own). */
    public void setCampaignRunner(CampaignRunner r) { this.campaignRunner = r; }

    public List<String> accountNames() {
        return accounts.list().stream().map(Account::name).toList();
    }

    public List<String> fieldsOf(String listName) {
        return contacts.findList(listName).map(ContactList::fields).orElse(List.of());
    }

    public List<CheckLine> check(CampaignDocument doc) {
        Set<String> names = new HashSet<>(accountNames());
        return CampaignChecks.check(doc, contacts, names);
    }

    /** This installation's key for unsubscribe tokens, created on first use. */
    public synchronized byte[] tokenKey() {
        if (tokenKey == null) {
            try {
                tokenKey = UnsubscribeTokens.loadOrCreateKey(dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("The unsubscribe key could not be read: " + e.getMessage(), e);
            }
        }
        return tokenKey;
    }

    private final java.util.Set<org.broadside.delivery.RunHandle> runs = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Remembers a running send so quitting the app can stop it cleanly. */
    public org.broadside.delivery.RunHandle track(org.broadside.delivery.RunHandle handle) {
        runs.removeIf(org.broadside.delivery.RunHandle::isDone);
        runs.add(handle);
        return handle;
    }

    /**
     * Stops running sends (open transactions finish, so no recipient is left in doubt), waits a little for them,
     * then stops the Sandbox. A run still busy after the wait is recorded as it stands and resumes next time.
     */
    @Override
    public void close() {
        runs.forEach(org.broadside.delivery.RunHandle::stop);
        for (var h : runs) {
            try {
                h.await(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (this) {
            if (bounceScans != null) bounceScans.close();
            if (serverPulls != null) serverPulls.close();
        }
        watcher.close();
        sandbox.close();
        db.close();
    }

    /** Whether a campaign is sending from this app now (moving to another store must wait for it). */
    public boolean isSending() {
        runs.removeIf(org.broadside.delivery.RunHandle::isDone);
        return !runs.isEmpty();
    }
}
