package org.broadside.compose;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.CredentialStore;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.contacts.BlacklistRepository;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.validation.EmailSyntax;
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
import org.broadside.mime.MailAddress;
import org.broadside.store.Database;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

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
        Predicate<Contact> filter = c.filter() == null || c.filter().isBlank() ? null : ContactFilters.compile(c.filter());
        return new CampaignFreezer(contacts, new BlacklistRepository(db), campaigns)
                .freeze(record, list, filter, EmailSyntax::problem, c.delivery().requireFields());
    }

    /**
     * Starts (or resumes) sending in the background.
     *
     * @param waitForRetries stay until no deferred recipient is left to retry
     * @param resendUnknown  also send to UNKNOWN recipients, with the same Message-ID
     */
    public RunHandle start(CampaignDocument doc, boolean waitForRetries, boolean resendUnknown, DeliveryListener listener, Clock clock)
            throws ComposeException {
        String durability = doc.campaign().delivery().durabilityProblem();
        if (durability != null) throw new ComposeException("The campaign's " + durability + ".");
        CampaignComposer composer;
        try {
            composer = CampaignComposer.prepare(doc, org.broadside.compose.UnsubscribeTokens.loadOrCreateKey(db.directory()), clock);
        } catch (IOException e) {
            throw new ComposeException("Cannot read or create the token key: " + e.getMessage(), e);
        }
        List<AccountLane> lanes = lanes(doc);
        CampaignRecord record = prepare(doc);
        return engine.start(new RunRequest(record, composer, lanes, doc.campaign().delivery(), waitForRetries, resendUnknown, listener, clock));
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
        String fromDomain = fromDomain(c);
        AccountRepository accounts = new AccountRepository(db);
        List<AccountLane> lanes = new ArrayList<>();
        for (String name : c.account()) {
            Account a = accounts.find(name).orElseThrow(() -> new ComposeException("There is no account named \"" + name + "\"."));
            int weight = c.delivery().weightOf(a.name());
            Optional<Messenger> override = messengerOverride.apply(a);
            if (override.isPresent()) {
                lanes.add(new AccountLane(a.name(), override.get(), a.connections(), a.messagesPerConnection(), a.groupSize(),
                        a.groupIntervalMillis(), a.maxPerHour(), a.maxPerDay(), weight));
            } else {
                lanes.add(AccountLanes.lane(a, credentials, fromDomain, weight));
            }
        }
        return lanes;
    }

    private static String fromDomain(Campaign c) throws ComposeException {
        try {
            String from = c.from() == null ? "" : c.from();
            return java.net.IDN.toASCII(MailAddress.parse(from).domain(), java.net.IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new ComposeException("The From address is not valid: " + e.getMessage(), e);
        }
    }
}
