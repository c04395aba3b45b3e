package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.CredentialStore;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.merge.Condition;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.validation.EmailSyntax;
import org.broadside.deliverability.dkim.DkimSigner;
import org.broadside.delivery.JitPolicy;
import org.broadside.delivery.NobodyToSendException;
import org.broadside.delivery.AccountLane;
import org.broadside.delivery.CampaignFreezer;
import org.broadside.delivery.CampaignRecord;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.DeliveryEngine;
import org.broadside.delivery.DeliveryListener;
import org.broadside.delivery.Messenger;
import org.broadside.delivery.Progress;
import org.broadside.delivery.RunHandle;
import org.broadside.delivery.RunRequest;
import org.broadside.store.Database;

import java.io.IOException;
import org.broadside.unsubscribe.ServerKeys;
import org.broadside.unsubscribe.ServerSecret;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends a campaign document: finds its campaign in the store, freezes its recipients the first time, builds
 * the account lanes, and starts the engine. The one entry point for "Send" in both the GUI and the CLI.
 */
public final class CampaignSender {
    private final Database db;
    private final CredentialStore credentials;
    private final CampaignRepository campaigns;
    private final DeliveryEngine engine;
    private final Function<Account, Optional<Messenger>> messengerOverride;

    private CampaignSender(Database db, CredentialStore credentials, Function<Account, Optional<Messenger>> messengerOverride) {
        this.db = db;
        this.credentials = credentials;
        this.campaigns = new CampaignRepository(db);
        this.engine = new DeliveryEngine(campaigns);
        this.messengerOverride = messengerOverride;
    }

    public static CampaignSender create(Database db, CredentialStore credentials) {
        return new CampaignSender(db, credentials, a -> Optional.empty());
    }

    /** A sender where some accounts are served by other messengers (e.g. direct delivery, or tests). */
    public static CampaignSender create(Database db, CredentialStore credentials, Function<Account, Optional<Messenger>> messengers) {
        return new CampaignSender(db, credentials, messengers);
    }

    public CampaignRepository campaigns() { return campaigns; }

    /** The campaign's record, frozen: its recipient list is taken from the list (once) when first needed. */
    public CampaignRecord prepare(CampaignDocument doc) throws ComposeException {
        Campaign c = doc.campaign();
        if (c.list() == null || c.list().isBlank()) throw new ComposeException("The campaign names no list.");
        ContactRepository contacts = new ContactRepository(db);
        CampaignRecord record = campaigns.findOrCreate(doc.uid(), doc.displayName(), doc.file() == null ? null : doc.file().toString());
        if (record.frozen()) return record;
        ContactList list = contacts.findList(c.list()).orElseThrow(() -> new ComposeException("There is no list named \"" + c.list() + "\"."));
        Condition filter = ContactFilters.compileOrNull(c.filter());
        try {
            return new CampaignFreezer(new BlacklistRepository(db), campaigns)
                    .freeze(record, list, filter, EmailSyntax::problem, c.delivery().requireFields());
        } catch (NobodyToSendException e) {
            throw new ComposeException(nobodyReason(contacts, list, filter), e);
        }
    }

    /** Why a first send selects nobody, in words that say what to change. */
    static String nobodyReason(ContactRepository contacts, ContactList list, Condition filter) {
        long all = contacts.count(list.id());
        if (all == 0 || filter == null) return "The list \"" + list.name() + "\" has no contacts. Import some, then send.";
        List<String> unknown = filter.fieldsMissingFrom(list.fields());
        String typo = unknown.isEmpty() ? "" : " It reads " + String.join(", ", unknown.stream().map(n -> "[" + n + "]").toList())
                + ", which the list does not have (empty for every contact).";
        return String.format("The filter leaves out all %,d contacts of the list \"%s\".%s Change the filter and send again.",
                all, list.name(), typo);
    }

    /** Which pre-send checks must pass before a campaign's first send. */
    public enum PreSendChecks {
        /** The offline checks and the From domain's DNS (SPF, DMARC, MX...): what Send does by default. */
        ALL,
        /** The offline checks only (merge errors, unsubscribe method, attachments...), e.g. when offline. */
        WITHOUT_DNS,
        /** None: the user saw the findings and chose to send anyway. */
        OVERRIDDEN
    }

    /**
     * Starts (or resumes) sending in the background, after the offline pre-send checks.
     *
     * @param waitForRetries stay until no deferred recipient is left to retry
     * @param resendUnknown  also send to UNKNOWN recipients, with the same Message-ID
     */
    public RunHandle start(CampaignDocument doc, boolean waitForRetries, boolean resendUnknown, DeliveryListener listener, Clock clock)
            throws ComposeException {
        return start(doc, waitForRetries, resendUnknown, PreSendChecks.WITHOUT_DNS, listener, clock);
    }

    /**
     * Starts (or resumes) sending; before the first send, errors of the chosen checks refuse it with every finding.
     * A resumed campaign is not checked again: it was checked, and its list is frozen.
     */
    public RunHandle start(CampaignDocument doc, boolean waitForRetries, boolean resendUnknown, PreSendChecks checks,
                           DeliveryListener listener, Clock clock) throws ComposeException {
        // Before the freeze, not only when the run starts: the freeze's once-per-contact code reached C2 first and
        // queued a dozen compilations there that the send path then waited behind (ADR 0007).
        JitPolicy.installOnce();
        boolean firstSend = campaigns.find(doc.uid()).map(r -> !r.frozen()).orElse(true);
        if (checks != PreSendChecks.OVERRIDDEN && firstSend) {
            List<CheckLine> errors = new java.util.ArrayList<>(CampaignChecks.errors(doc, new ContactRepository(db), accountNames()));
            if (checks == PreSendChecks.ALL) errors.addAll(domainFailures(doc));
            if (!errors.isEmpty()) {
                throw PreSendCheckFailed.of(errors);
            }
        }
        String durability = doc.campaign().delivery().durabilityProblem();
        if (durability != null) throw new ComposeException("The campaign's " + durability + ".");
        CampaignComposer composer = composer(doc, clock);
        List<AccountLane> lanes = lanes(doc);
        CampaignRecord record = prepare(doc);
        composer = composer.withCampaignId(record.id());
        return engine.start(new RunRequest(record, composer, lanes, doc.campaign().delivery(), waitForRetries, resendUnknown, listener, clock));
    }

    /**
     * The failed DNS checks of the From domain (no SPF, no DMARC, a domain without DNS...), looked up only when the
     * campaign goes beyond this machine: the local Sandbox needs no DNS.
     */
    public List<CheckLine> domainFailures(CampaignDocument doc) {
        AccountRepository accounts = new AccountRepository(db);
        boolean onlyLocal = !doc.campaign().account().isEmpty() && doc.campaign().account().stream()
                .map(accounts::find).allMatch(a -> a.isPresent() && isLoopback(a.get().host()));
        if (onlyLocal) return List.of();
        return DomainSetupChecks.check(doc, db).stream().filter(l -> l.severity() == org.broadside.merge.Severity.ERROR).toList();
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private java.util.Set<String> accountNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        new AccountRepository(db).list().forEach(a -> names.add(a.name()));
        return names;
    }

    /** The current counts per state of the campaign (empty before its first run). */
    public Progress counts(CampaignDocument doc) {
        Optional<CampaignRecord> r = campaigns.find(doc.uid());
        if (r.isEmpty()) return new Progress(Map.of(), 0, 0);
        var counts = campaigns.counts(r.get().id());
        return new Progress(counts, 0, counts.values().stream().mapToLong(Long::longValue).sum());
    }

    private List<AccountLane> lanes(CampaignDocument doc) throws ComposeException {
        Campaign c = doc.campaign();
        if (c.account().isEmpty()) throw new ComposeException("The campaign names no account to send with.");
        String fromDomain = SendingDomain.of(c);
        AccountRepository accounts = new AccountRepository(db);
        List<AccountLane> lanes = new ArrayList<>();
        for (String name : c.account()) {
            Account a = accounts.find(name).orElseThrow(() -> new ComposeException("There is no account named \"" + name + "\"."));
            int weight = c.delivery().weightOf(a.name());
            Optional<Messenger> override = messengerOverride.apply(a);
            if (override.isPresent()) {
                lanes.add(new AccountLane(a.name(), override.get(), a.connections(), a.messagesPerConnection(), a.groupSize(),
                        a.groupIntervalMillis(), a.maxPerHour(), a.maxPerDay(), weight, a.maxConnectionFailures(), 0));
            } else {
                lanes.add(AccountLanes.lane(a, credentials, fromDomain, weight));
            }
        }
        return lanes;
    }

    /**
     * The campaign's composer as this store sends it: the installation's unsubscribe token key, and DKIM signing when
     * the From domain has a key. Preview and send use the same one, so a preview shows the bytes that go out.
     */
    public CampaignComposer composer(CampaignDocument doc, Clock clock) throws ComposeException {
        byte[] tokenKey;
        try {
            tokenKey = UnsubscribeTokens.loadOrCreateKey(db.directory());
        } catch (IOException e) {
            throw new ComposeException("Cannot read or create the token key in " + db.directory() + ": " + e.getMessage(), e);
        }
        ServerSecret serverSecret = null;
        var unsubscribe = doc.campaign().unsubscribe();
        if (unsubscribe != null && unsubscribe.hasServer()) {
            try {
                serverSecret = ServerKeys.find(db.directory(), credentials, unsubscribe.serverBase()).orElse(null);
            } catch (IOException | IllegalArgumentException e) {
                throw new ComposeException("Cannot read the key of the unsubscribe server " + unsubscribe.serverBase() + ": " + e.getMessage(), e);
            }
        }
        CampaignComposer composer = CampaignComposer.prepare(doc, tokenKey, serverSecret, clock);
        return composer.withSigner(SendingDomain.dkimKey(db.directory(), SendingDomain.of(doc.campaign())).map(DkimSigner::new).orElse(null));
    }
}
