package org.broadside.ui.bounces;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.bounces.BounceRules;
import org.broadside.bounces.BounceRulesRepository;
import org.broadside.ui.common.BackgroundRunner;

/**
 * The bounce rules as a form: what a hard bounce, a complaint and an unsubscribe request do (blacklist the address,
 * or only record the event), and after how many soft bounces in a row an address is blacklisted (0: never).
 * The rules apply to messages scanned from now on; recorded events keep what they did.
 */
public final class BounceRulesViewModel {
    private final BounceRulesRepository rules;
    private final BackgroundRunner runner;
    private final BooleanProperty blacklistHardBounces = new SimpleBooleanProperty(true);
    private final IntegerProperty softBounceLimit = new SimpleIntegerProperty(3);
    private final BooleanProperty blacklistComplaints = new SimpleBooleanProperty(true);
    private final BooleanProperty blacklistUnsubscribes = new SimpleBooleanProperty(true);
    private final StringProperty result = new SimpleStringProperty("");

    public BounceRulesViewModel(BounceRulesRepository rules, BackgroundRunner runner) {
        this.rules = rules;
        this.runner = runner;
    }

    /** True: blacklist the address. False: only record the event. */
    public BooleanProperty blacklistHardBouncesProperty() { return blacklistHardBounces; }
    /** Soft bounces in a row (across campaigns) that blacklist the address; 0 means never. */
    public IntegerProperty softBounceLimitProperty() { return softBounceLimit; }
    public BooleanProperty blacklistComplaintsProperty() { return blacklistComplaints; }
    public BooleanProperty blacklistUnsubscribesProperty() { return blacklistUnsubscribes; }
    public StringProperty resultProperty() { return result; }

    public void load() {
        runner.run(rules::get, this::show, e -> result.set("The rules could not be read: " + e.getMessage()));
    }

    private void show(BounceRules r) {
        blacklistHardBounces.set(r.blacklistHardBounces());
        softBounceLimit.set(r.softBounceLimit());
        blacklistComplaints.set(r.blacklistComplaints());
        blacklistUnsubscribes.set(r.blacklistUnsubscribes());
    }

    public void save() {
        BounceRules r;
        try {
            r = new BounceRules(blacklistHardBounces.get(), softBounceLimit.get(), blacklistComplaints.get(), blacklistUnsubscribes.get());
        } catch (IllegalArgumentException e) {
            result.set(e.getMessage());
            return;
        }
        runner.run(() -> {
            rules.save(r);
            return r;
        }, saved -> result.set("Saved. The rules apply to messages scanned from now on."),
                e -> result.set("Not saved: " + e.getMessage()));
    }

    /** Puts back the recommended rules (not saved until Save). */
    public void useDefaults() {
        show(BounceRules.DEFAULT);
        result.set("The recommended rules are in the form: press Save to use them.");
    }
}
