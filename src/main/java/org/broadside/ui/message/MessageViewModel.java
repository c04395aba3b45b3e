package org.broadside.ui.message;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.campaign.Campaign;
import org.broadside.campaign.CampaignDocument;
import org.broadside.compose.CheckLine;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.merge.Severity;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.Debounce;
import org.broadside.ui.common.StoreSubscription;
import org.broadside.ui.shell.CampaignDraft;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The Message tab: sender, subject, bodies and attachments of the draft, and the preflight findings, which are
 * recomputed in the background after each change of the draft, whichever tab made it (debounced; a stale result is
 * dropped when a newer edit came in), and after store changes they depend on (the list, the accounts, the blacklist).
 */
public final class MessageViewModel {
    private final CampaignDraft draft;
    private final BackgroundRunner runner;
    private final Function<String, List<String>> fieldsOfList;
    private final StringProperty from = new SimpleStringProperty();
    private final StringProperty replyTo = new SimpleStringProperty();
    private final StringProperty subject = new SimpleStringProperty();
    private final StringProperty text = new SimpleStringProperty();
    private final StringProperty html = new SimpleStringProperty();
    private final ObjectProperty<BodyFormat> format = new SimpleObjectProperty<>();
    private final ObservableList<AttachmentItem> attachments = FXCollections.observableArrayList();
    private final ObservableList<CheckLine> checks = FXCollections.observableArrayList();
    private final ObservableList<String> insertableFields = FXCollections.observableArrayList();
    private final StringProperty checkSummary = new SimpleStringProperty("");
    private final Function<CampaignDocument, List<CheckLine>> checker;
    private boolean checking;
    private boolean checkAgain;
    private final StoreSubscription store = new StoreSubscription(this::storeChanged);
    private Debounce debounce = Debounce.NOW;

    /**
     * @param fieldsOfList the fields of a list by name (empty when unknown); called in the background
     * @param checker      the pre-send checks of a document; called in the background
     */
    public MessageViewModel(CampaignDraft draft, BackgroundRunner runner, Function<String, List<String>> fieldsOfList,
                            Function<CampaignDocument, List<CheckLine>> checker) {
        this.draft = draft;
        this.checker = checker;
        this.runner = runner;
        this.fieldsOfList = fieldsOfList;
        Campaign c = draft.campaign();
        from.set(nz(c.from()));
        replyTo.set(nz(c.replyTo()));
        subject.set(nz(c.subject()));
        text.set(nz(c.text()));
        html.set(nz(c.html()));
        format.set(BodyFormat.of(c.text(), c.html()));
        refreshAttachments();
        for (StringProperty p : List.of(from, replyTo, subject, text, html)) p.addListener((o, a, b) -> commit());
        format.addListener((o, a, b) -> commit());
        // Every field the checks read can change on another tab (unsubscribe and accounts on Settings, the list on
        // Recipients), so any change of the draft counts, not only this tab's edits.
        draft.campaignProperty().addListener((o, a, b) -> debounce.request(this::recheck));
        recheck();
    }

    public StringProperty fromProperty() { return from; }
    public StringProperty replyToProperty() { return replyTo; }
    public StringProperty subjectProperty() { return subject; }
    public StringProperty textProperty() { return text; }
    public StringProperty htmlProperty() { return html; }
    public ObjectProperty<BodyFormat> formatProperty() { return format; }
    public ObservableList<AttachmentItem> attachments() { return attachments; }
    public ObservableList<CheckLine> checks() { return checks; }
    public ObservableList<String> insertableFields() { return insertableFields; }
    public StringProperty checkSummaryProperty() { return checkSummary; }

    /** Where store changes come from (the app's bus on the FX thread); heard between {@link #activate} and {@link #deactivate}. */
    public void listenTo(EventSource events) { store.use(events); }

    /** How changes of the draft are gathered before the checks run again (the app waits for a pause in typing). */
    public void useDebounce(Debounce d) { this.debounce = d; }

    /** Starts following the store's changes, and checks again for what changed before. */
    public void activate() {
        store.open();
        recheck();
    }

    public void deactivate() { store.close(); }

    void storeChanged(AppEvent event) {
        if (event instanceof AppEvent.ListsChanged l && l.concerns(draft.campaign().list())
                || event instanceof AppEvent.AccountsChanged || event instanceof AppEvent.BlacklistChanged) {
            recheck();
        }
    }

    /** The text for "Insert field": {@code [Name]}. */
    public static String fieldTag(String name) { return "[" + name + "]"; }

    /**
     * The HTML for an inline image: a local file referenced from the HTML is sent inside the message (cid:), so
     * recipients see it without loading anything remotely. Relative to the document's folder when it is inside it.
     */
    public String imageTag(Path file) {
        Path folder = draft.document().folder();
        Path abs = file.toAbsolutePath().normalize();
        String src = abs.startsWith(folder) ? folder.relativize(abs).toString().replace('\\', '/') : abs.toUri().toString();
        return "<img src=\"" + src.replace("\"", "%22") + "\" alt=\"\">";
    }

    public void addAttachment(Path file) {
        Path folder = draft.document().folder();
        Path abs = file.toAbsolutePath().normalize();
        String stored = abs.startsWith(folder) ? folder.relativize(abs).toString() : abs.toString();
        List<String> next = new ArrayList<>(draft.campaign().attachments());
        if (!next.contains(stored)) next.add(stored);
        draft.update(c -> c.withAttachments(next));
        refreshAttachments();
    }

    public void removeAttachment(AttachmentItem item) {
        List<String> next = new ArrayList<>(draft.campaign().attachments());
        next.remove(item.path());
        draft.update(c -> c.withAttachments(next));
        refreshAttachments();
    }

    private void refreshAttachments() {
        List<AttachmentItem> items = new ArrayList<>();
        for (String p : draft.campaign().attachments()) {
            Path f = draft.document().resolve(p);
            long size;
            try {
                size = Files.size(f);
            } catch (Exception e) {
                items.add(new AttachmentItem(p, 0, true));
                continue;
            }
            items.add(new AttachmentItem(p, size, false));
        }
        attachments.setAll(items);
    }

    private void commit() {
        BodyFormat f = format.get();
        String t = f == BodyFormat.HTML ? "" : text.get();
        String h = f == BodyFormat.PLAIN ? "" : html.get();
        draft.update(c -> c.withMessage(blankToNull(from.get()), blankToNull(replyTo.get()), subject.get(), t, h));
    }

    /**
     * Runs the checks on the current draft in the background. One check runs at a time (a check may read a whole
     * list); edits made meanwhile trigger exactly one more run when it ends.
     */
    public void recheck() {
        if (checking) {
            checkAgain = true;
            return;
        }
        checking = true;
        CampaignDocument snapshot = draft.document();
        runner.run(() -> {
            String list = snapshot.campaign().list();
            List<String> fields = list == null ? List.of() : fieldsOfList.apply(list);
            return new Result(fields, checker.apply(snapshot));
        }, r -> {
            finished();
            if (!snapshot.campaign().equals(draft.campaign())) return;
            checks.setAll(r.lines);
            Set<String> names = new LinkedHashSet<>(r.fields);
            for (String b : List.of("Email", "Date", "Unsubscribe", "Campaign")) names.add(b);
            if (!insertableFields.equals(List.copyOf(names))) insertableFields.setAll(names);
            long errors = r.lines.stream().filter(l -> l.severity() == Severity.ERROR).count();
            long warnings = r.lines.size() - errors;
            checkSummary.set(r.lines.isEmpty() ? "No problems found" : errors + " error(s), " + warnings + " warning(s)");
        }, e -> {
            finished();
            checkSummary.set("The checks could not run: " + e.getMessage());
        });
    }

    private void finished() {
        checking = false;
        if (checkAgain) {
            checkAgain = false;
            recheck();
        }
    }

    private record Result(List<String> fields, List<CheckLine> lines) {}

    private static String nz(String s) { return s == null ? "" : s; }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
