package org.broadside.ui.dkim;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.deliverability.dkim.DkimKey;
import org.broadside.deliverability.dkim.DkimKeyStore;
import org.broadside.deliverability.dkim.DkimKeyType;
import org.broadside.deliverability.dkim.DkimKeys;
import org.broadside.deliverability.dkim.DkimRecordCheck;
import org.broadside.deliverability.dns.DnsLookup;
import org.broadside.ui.common.BackgroundRunner;

import java.net.IDN;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The DKIM keys window: per sending domain its key (type, selector, created), the TXT record to publish, generating a
 * key and checking what DNS publishes. Key files and DNS lookups run in the background.
 */
public final class DkimViewModel {
    /** One DNS label or several: what a selector may be (RFC 6376 3.1). */
    private static final String SELECTOR = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*";
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final DkimKeyStore store;
    private final Supplier<List<String>> sendingDomains;
    private final DnsLookup dns;
    private final BackgroundRunner runner;
    private final Clock clock;
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final StringProperty domain = new SimpleStringProperty("");
    private final StringProperty keySummary = new SimpleStringProperty("");
    private final BooleanProperty hasKey = new SimpleBooleanProperty();
    private final StringProperty recordName = new SimpleStringProperty("");
    private final StringProperty recordValue = new SimpleStringProperty("");
    private final StringProperty zoneFileLine = new SimpleStringProperty("");
    private final StringProperty selector = new SimpleStringProperty("");
    private final ObjectProperty<DkimKeyType> keyType = new SimpleObjectProperty<>(DkimKeyType.RSA);
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty checkHeadline = new SimpleStringProperty("");
    private final StringProperty checkExplanation = new SimpleStringProperty("");
    private final ObjectProperty<DkimRecordCheck.Verdict> verdict = new SimpleObjectProperty<>();
    private DkimKey key;

    public DkimViewModel(DkimKeyStore store, Supplier<List<String>> sendingDomains, DnsLookup dns, BackgroundRunner runner, Clock clock) {
        this.store = store;
        this.sendingDomains = sendingDomains;
        this.dns = dns;
        this.runner = runner;
        this.clock = clock;
        selector.set(defaultSelector());
    }

    /** Sending domains (from the campaigns and accounts) and the domains that have keys. */
    public ObservableList<String> domains() { return domains; }
    /** The domain shown; the user may type one that is not in the list. */
    public StringProperty domainProperty() { return domain; }
    public StringProperty keySummaryProperty() { return keySummary; }
    public BooleanProperty hasKeyProperty() { return hasKey; }
    /** The DNS name to publish at, e.g. broadside2026._domainkey.example.com. */
    public StringProperty recordNameProperty() { return recordName; }
    /** The TXT value as one string, as DNS hosts' web forms take it. */
    public StringProperty recordValueProperty() { return recordValue; }
    /** The record as a zone-file line, its value split into quoted strings of at most 255 characters. */
    public StringProperty zoneFileLineProperty() { return zoneFileLine; }
    public StringProperty selectorProperty() { return selector; }
    public ObjectProperty<DkimKeyType> keyTypeProperty() { return keyType; }
    public StringProperty problemProperty() { return problem; }
    public BooleanProperty busyProperty() { return busy; }
    public StringProperty checkHeadlineProperty() { return checkHeadline; }
    public StringProperty checkExplanationProperty() { return checkExplanation; }
    public ObjectProperty<DkimRecordCheck.Verdict> verdictProperty() { return verdict; }

    /** Reads the domains, then shows {@code preselected} (or the first domain) with its key. */
    public void load(String preselected) {
        runner.run(() -> {
            TreeSet<String> all = new TreeSet<>(store.domains());
            for (String d : sendingDomains.get()) {
                if (d != null && !d.isBlank()) all.add(ascii(d));
            }
            return List.copyOf(all);
        }, list -> {
            domains.setAll(list);
            String first = preselected != null && !preselected.isBlank() ? ascii(preselected) : list.isEmpty() ? "" : list.get(0);
            if (first.isEmpty()) {
                showNothing("Type your sending domain (the part after @ in your From address) above.");
            } else {
                select(first);
            }
        }, e -> problem.set("The DKIM keys could not be read: " + e.getMessage()));
    }

    /** Shows a domain's key and record; clears the last DNS check, which was about another domain. */
    public void select(String chosen) {
        String d = chosen == null ? "" : chosen.strip();
        domain.set(d);
        clearCheck();
        problem.set("");
        if (d.isEmpty()) {
            showNothing("Type your sending domain (the part after @ in your From address) above.");
            return;
        }
        String invalid = domainProblem(d);
        if (invalid != null) {
            showNothing("");
            problem.set(invalid);
            return;
        }
        runner.run(() -> {
            Optional<DkimKey> k = store.find(d);
            return new Found(k.orElse(null), k.flatMap(store::created).orElse(null));
        }, found -> show(d, found), e -> {
            showNothing("");
            problem.set("The DKIM key of " + d + " cannot be read: " + e.getMessage());
        });
    }

    /** True when generating would replace the domain's signing key: the view asks first. */
    public boolean generatingReplacesAKey() {
        return key != null;
    }

    /** Generates a key of the chosen type and selector for the domain shown, and shows its record. */
    public void generate() {
        String d = domain.get() == null ? "" : domain.get().strip();
        String s = selector.get() == null ? "" : selector.get().strip();
        String invalid = d.isEmpty() ? "Type the sending domain in \"Domain\" first." : domainProblem(d);
        if (invalid == null && !s.matches(SELECTOR)) {
            invalid = "\"Selector\" must be letters, digits and hyphens (dots between parts), such as broadside2026; \""
                    + s + "\" is not.";
        }
        if (invalid != null) {
            problem.set(invalid);
            return;
        }
        DkimKeyType type = keyType.get();
        problem.set("");
        busy.set(true);
        runner.run(() -> {
            DkimKeys.GeneratedKey g = store.replace(d, s, type);
            return new Found(g.key(), store.created(g.key()).orElse(null));
        }, found -> {
            busy.set(false);
            if (!domains.contains(found.key().domain())) {
                List<String> all = new ArrayList<>(domains);
                all.add(found.key().domain());
                all.sort(null);
                domains.setAll(all);
            }
            clearCheck();
            show(found.key().domain(), found);
        }, e -> {
            busy.set(false);
            problem.set("The key could not be generated: " + e.getMessage());
        });
    }

    /** Looks up the published record in the background and explains the answer. */
    public void checkDns() {
        if (key == null || busy.get()) return;
        DkimKey k = key;
        busy.set(true);
        checkHeadline.set("Checking DNS…");
        checkExplanation.set("Looking up " + k.recordName() + ".");
        verdict.set(null);
        runner.run(() -> DkimRecordCheck.compare(dns, k.domain(), k.selector(), k.publicKey()), r -> {
            busy.set(false);
            DnsVerdictWords words = DnsVerdictWords.of(r);
            verdict.set(r.verdict());
            checkHeadline.set(words.headline());
            checkExplanation.set(words.explanation());
        }, e -> {
            busy.set(false);
            checkHeadline.set("DNS error");
            checkExplanation.set("The check could not run: " + e.getMessage());
        });
    }

    private void show(String d, Found found) {
        key = found.key();
        hasKey.set(key != null);
        if (key == null) {
            showNothing("No DKIM key for " + d + " yet. Choose the key type and a selector below and press \"Generate key\".");
            return;
        }
        // A new key under a new selector lets the old record stay published until the new one is: propose one.
        if (key.selector().equals(selector.get())) selector.set(nextSelector(key.selector()));
        String created = found.created() == null ? "" : ", created " + CREATED.format(found.created().atZone(zone()));
        keySummary.set(describe(key) + ", selector \"" + key.selector() + "\"" + created + ". Mail from " + d + " is signed with it.");
        String text = DkimKeys.recordText(key.publicKey());
        recordName.set(key.recordName());
        recordValue.set(text);
        zoneFileLine.set(key.recordName() + ". IN TXT " + DkimKeys.zoneFileValue(text));
    }

    private void showNothing(String summary) {
        key = null;
        hasKey.set(false);
        keySummary.set(summary);
        recordName.set("");
        recordValue.set("");
        zoneFileLine.set("");
    }

    private void clearCheck() {
        verdict.set(null);
        checkHeadline.set("");
        checkExplanation.set("");
    }

    static String describe(DkimKey k) {
        if (k.publicKey() instanceof RSAPublicKey rsa) return "RSA " + rsa.getModulus().bitLength() + "-bit key";
        return "Ed25519 key";
    }

    private ZoneId zone() { return clock.getZone(); }

    /** A selector that dates the key, so a later rotation gets a new name: broadside202612. */
    private String defaultSelector() {
        return "broadside" + DateTimeFormatter.ofPattern("yyyyMM").format(clock.instant().atZone(clock.getZone()));
    }

    /** broadside202612 -> broadside202612b -> broadside202612c ... */
    static String nextSelector(String current) {
        char last = current.charAt(current.length() - 1);
        boolean lettered = current.length() > 1 && last >= 'b' && last < 'z' && Character.isDigit(current.charAt(current.length() - 2));
        return lettered ? current.substring(0, current.length() - 1) + (char) (last + 1) : current + "b";
    }

    private static String domainProblem(String d) {
        try {
            String a = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
            if (!a.matches("([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]")) {
                return "\"" + d + "\" is not a domain name; type the part after @ in your From address, such as example.com.";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return "\"" + d + "\" is not a domain name: " + e.getMessage();
        }
    }

    private static String ascii(String d) {
        try {
            return IDN.toASCII(d.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return d.strip().toLowerCase(Locale.ROOT);
        }
    }

    private record Found(DkimKey key, Instant created) {}
}
