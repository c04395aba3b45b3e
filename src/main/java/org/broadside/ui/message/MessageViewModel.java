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
import org.broadside.compose.EmailHtml;
import org.broadside.mime.ContentTypes;
import org.broadside.events.AppEvent;
import org.broadside.events.EventSource;
import org.broadside.merge.Severity;
import org.broadside.ui.common.BackgroundRunner;
import org.broadside.ui.common.Debounce;
import org.broadside.ui.common.StoreSubscription;
import org.broadside.ui.shell.CampaignDraft;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
    private final StringProperty attachmentMessage = new SimpleStringProperty("");
    private FileOpener opener = FileOpener.desktop();
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
        html.addListener((o, a, b) -> refreshAttachments());
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
    /** What the last Open of an attachment said when it failed; "" otherwise. */
    public StringProperty attachmentMessageProperty() { return attachmentMessage; }

    /** Replaces how files are opened (tests: a recording opener). */
    public void setFileOpener(FileOpener opener) { this.opener = opener; }
    public ObservableList<CheckLine> checks() { return checks; }
    public ObservableList<String> insertableFields() { return insertableFields; }
    public StringProperty checkSummaryProperty() { return checkSummary; }

    /** The HTML the visual editor shows: cleaned, so raw condition tags arrive as text rather than unknown elements. */
    public String htmlForVisualEditor() { return EmailHtml.clean(html.get()); }

    /**
     * Takes the visual editor's document as the HTML body, cleaned of the editor's state. An editor that was only
     * looked at (an empty document over an empty body) changes nothing.
     */
    public void htmlFromVisualEditor(String editorHtml) {
        String cleaned = EmailHtml.clean(editorHtml);
        if (html.get().isBlank() && !EmailHtml.hasContent(cleaned)) return;
        if (!cleaned.equals(html.get())) html.set(cleaned);
    }

    private boolean editingSource;

    /** Whether the HTML source tab is the one showing: its text is tidied when the user leaves it, saves or sends. */
    public void setEditingSource(boolean editing) { this.editingSource = editing; }

    /**
     * Before saving or sending: a source still being edited is tidied now, so what is stored and sent is the cleaned
     * e-mail document even when the user never left the source tab. A body not edited here is left as it is.
     */
    public void tidyIfEditingSource() {
        if (editingSource) tidyHtml();
    }

    /** Cleans the hand-written source into the e-mail document that is stored and sent (when leaving the source). */
    public void tidyHtml() {
        String cleaned = EmailHtml.clean(html.get());
        if (!cleaned.equals(html.get())) html.set(cleaned);
    }

    /** The HTML for "Unsubscribe link": a link whose address is the recipient's own unsubscribe URL. */
    public static String unsubscribeLink() { return "<a href=\"[Unsubscribe]\">unsubscribe</a>"; }

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

    /** Removes an attachment from the campaign, or an inline image from the HTML. */
    public void removeAttachment(AttachmentItem item) {
        if (item.kind() == AttachmentItem.Kind.INLINE_IMAGE) {
            html.set(EmailHtml.withoutImage(html.get(), item.path()));
            return;
        }
        List<String> next = new ArrayList<>(draft.campaign().attachments());
        next.remove(item.path());
        draft.update(c -> c.withAttachments(next));
        refreshAttachments();
    }

    /** Opens the file in the system's program for it, in the background; a failure is told in the message. */
    public void openAttachment(AttachmentItem item) {
        Path file = fileOf(item);
        attachmentMessage.set("");
        if (file == null || item.missing()) {
            attachmentMessage.set("\"" + item.name() + "\" cannot be opened: " + (item.problem() == null ? "it is not a local file" : item.problem()) + ".");
            return;
        }
        FileOpener use = opener;
        runner.run(() -> {
            use.open(file);
            return file;
        }, f -> { }, e -> attachmentMessage.set("\"" + item.name() + "\" could not be opened: " + e.getMessage()));
    }

    private void refreshAttachments() {
        List<AttachmentItem> items = new ArrayList<>();
        for (String p : draft.campaign().attachments()) items.add(item(p, AttachmentItem.Kind.ATTACHMENT, draft.document().resolve(p)));
        for (String src : EmailHtml.imageSources(html.get())) {
            Path f = localImage(src);
            if (f != null) items.add(item(src, AttachmentItem.Kind.INLINE_IMAGE, f));
        }
        if (!items.equals(attachments)) attachments.setAll(items);
    }

    private static AttachmentItem item(String stored, AttachmentItem.Kind kind, Path f) {
        if (!Files.exists(f)) return new AttachmentItem(stored, kind, 0, null, "no file at " + f);
        if (!Files.isRegularFile(f) || !Files.isReadable(f)) return new AttachmentItem(stored, kind, 0, null, "cannot be read: " + f);
        try {
            return new AttachmentItem(stored, kind, Files.size(f), ContentTypes.guess(null, f), null);
        } catch (IOException e) {
            return new AttachmentItem(stored, kind, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private Path fileOf(AttachmentItem item) {
        return item.kind() == AttachmentItem.Kind.INLINE_IMAGE ? localImage(item.path()) : draft.document().resolve(item.path());
    }

    /** The local file an image src names (relative to the document, or file:), null for remote, cid: or data: ones. */
    private Path localImage(String src) {
        try {
            if (src.regionMatches(true, 0, "file:", 0, 5)) return Path.of(URI.create(src));
            if (src.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") || src.startsWith("//")) return null;
            return draft.document().resolve(URLDecoder.decode(src.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
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
