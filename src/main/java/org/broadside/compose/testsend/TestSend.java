package org.broadside.compose.testsend;

import org.broadside.accounts.Account;
import org.broadside.accounts.AccountKind;
import org.broadside.accounts.AccountRepository;
import org.broadside.accounts.CredentialStore;
import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.AccountLanes;
import org.broadside.compose.CampaignComposer;
import org.broadside.compose.CampaignSender;
import org.broadside.compose.ComposeException;
import org.broadside.contacts.Contact;
import org.broadside.delivery.Attempt;
import org.broadside.delivery.ConnectionId;
import org.broadside.delivery.Messenger;
import org.broadside.delivery.MessengerSession;
import org.broadside.delivery.SessionException;
import org.broadside.delivery.SmtpMessenger;
import org.broadside.delivery.smtp.SmtpTimeouts;
import org.broadside.store.Database;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sends a test of a campaign: for each chosen recipient, the message they would get (same composer as the real
 * send: merge, MIME, DKIM), addressed to each test address, through the campaign's first account on one connection.
 * It never goes through the engine or the campaign's record, so the campaign's recipients and their states are not
 * created or changed, and a bounce of a test (plain envelope sender, no VERP) is attributed to no one.
 */
public final class TestSend {
    /** What "[TEST]" puts before the subject. */
    public static final String SUBJECT_PREFIX = "[TEST] ";
    /** A test waits for a server less patiently than a campaign does: someone is watching the dialog. */
    private static final Duration TIMEOUT_CAP = Duration.ofSeconds(60);
    private final Database db;
    private final CredentialStore credentials;
    private final Function<Account, Optional<Messenger>> messengerOverride;

    public TestSend(Database db, CredentialStore credentials) {
        this(db, credentials, a -> Optional.empty());
    }

    /** A test send where some accounts are served by other messengers (tests, or a sender with its own trust). */
    public TestSend(Database db, CredentialStore credentials, Function<Account, Optional<Messenger>> messengers) {
        this.db = db;
        this.credentials = credentials;
        this.messengerOverride = messengers;
    }

    /**
     * What to send: the campaign, whose data to merge, where to send, and whether the subject gets "[TEST] ".
     */
    public record Request(CampaignDocument campaign, List<Contact> mergeAs, List<String> testAddresses, boolean subjectPrefix) {
        public Request {
            mergeAs = List.copyOf(mergeAs);
            testAddresses = List.copyOf(testAddresses);
        }

        public int messages() { return mergeAs.size() * testAddresses.size(); }
    }

    /**
     * Sends every message of the request, one after the other, calling {@code each} with each receipt as it comes.
     * A message the server refuses, or a lost connection, is a receipt, not an exception.
     *
     * @param cancelled asked before each message: true stops the test there (messages already sent stay sent)
     * @throws ComposeException when nothing can be sent at all: no account, an unknown account, an unreadable attachment
     */
    public List<TestReceipt> send(Request request, Consumer<TestReceipt> each, BooleanSupplier cancelled) throws ComposeException {
        if (request.mergeAs().isEmpty()) throw new ComposeException("Choose at least one recipient to merge the test as.");
        if (request.testAddresses().isEmpty()) throw new ComposeException("Type at least one address to send the test to.");
        CampaignDocument doc = request.campaign();
        Account account = account(doc);
        CampaignComposer composer = CampaignSender.create(db, credentials).composer(doc, Clock.systemUTC());
        List<TestReceipt> receipts = new ArrayList<>();
        Consumer<TestReceipt> record = r -> {
            receipts.add(r);
            each.accept(r);
        };
        Connection connection = new Connection(account);
        try {
            long seq = 0;
            for (Contact as : request.mergeAs()) {
                seq++;
                for (String to : request.testAddresses()) {
                    if (cancelled.getAsBoolean()) return receipts;
                    CampaignComposer.TestMessage m;
                    try {
                        m = composer.composeTest(seq, as.email(), as.fields(), to, request.subjectPrefix() ? SUBJECT_PREFIX : "");
                    } catch (ComposeException e) {
                        record.accept(new TestReceipt(as.email(), to, "", TestOutcome.NOT_SENT, 0, "not sent: " + e.getMessage()));
                        continue;
                    }
                    try {
                        record.accept(connection.send(as.email(), to, m));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return receipts;
                    }
                }
            }
            return receipts;
        } finally {
            connection.close();
        }
    }

    private Account account(CampaignDocument doc) throws ComposeException {
        List<String> names = doc.campaign().account();
        if (names == null || names.isEmpty()) {
            throw new ComposeException("The campaign has no account to send with: choose one on the Settings tab.");
        }
        // With several accounts (rotation) the first one sends the test: it is the one a reader of the Settings tab sees first.
        String name = names.get(0);
        return new AccountRepository(db).find(name).orElseThrow(() -> new ComposeException("There is no account named \"" + name + "\"."));
    }

    /** One session to the account, opened for the first message and again after a lost connection. */
    private final class Connection {
        private final Account account;
        private MessengerSession session;
        private String openFailure;
        private int opened;

        Connection(Account account) { this.account = account; }

        TestReceipt send(String mergedAs, String to, CampaignComposer.TestMessage m) throws InterruptedException {
            if (openFailure == null && (session == null || !session.usable())) open(m);
            if (openFailure != null) {
                return new TestReceipt(mergedAs, to, m.subject(), TestOutcome.NOT_SENT, 0, "connection error: " + openFailure);
            }
            Attempt a = session.send(m.message(), () -> { });
            return receipt(mergedAs, to, m.subject(), a);
        }

        private void open(CampaignComposer.TestMessage first) {
            close();
            String mailFrom = first.message().mailFrom();
            String fromDomain = mailFrom.substring(mailFrom.lastIndexOf('@') + 1);
            try {
                Messenger messenger = messengerOverride.apply(account).orElse(null);
                if (messenger == null) messenger = messenger(fromDomain);
                session = messenger.open(new ConnectionId(++opened, account.name()), (direction, text) -> { });
            } catch (ComposeException e) {
                openFailure = e.getMessage();
            } catch (SessionException e) {
                // Every later message would meet the same refusal or silence: they all get this receipt at once.
                openFailure = e.getMessage();
            }
        }

        private Messenger messenger(String fromDomain) throws ComposeException {
            if (account.kind() == AccountKind.DIRECT) return AccountLanes.messenger(account, credentials, fromDomain);
            return new SmtpMessenger(AccountLanes.endpoint(account, credentials, fromDomain), SmtpTimeouts.rfc5321().cappedAt(TIMEOUT_CAP));
        }

        void close() {
            if (session != null) session.close();
            session = null;
        }
    }

    static TestReceipt receipt(String mergedAs, String to, String subject, Attempt a) {
        TestOutcome outcome = switch (a.outcome()) {
            case SENT -> TestOutcome.ACCEPTED;
            case FAILED -> TestOutcome.REFUSED;
            case DEFERRED -> a.code() > 0 ? TestOutcome.DEFERRED : TestOutcome.NOT_SENT;
            default -> TestOutcome.NOT_SENT;
        };
        // An address the server never saw (SKIPPED: refused by our own envelope check) was not a connection problem.
        String reply = a.code() > 0 ? a.reply()
                : (a.outcome() == org.broadside.delivery.RecipientState.SKIPPED ? "not sent: " : "connection error: ") + a.reply();
        return new TestReceipt(mergedAs, to, subject, outcome, a.code(), reply);
    }
}
