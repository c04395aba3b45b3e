package org.broadside.ui.sandbox;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.broadside.ui.common.BackgroundRunner;

import java.util.List;

/**
 * The Sandbox inbox: the list of what the built-in server stored (headers only, newest appended on each refresh)
 * and the source of the selected message, read from its file in the background when it is selected.
 */
public final class SandboxInboxViewModel {
    /** About 1 MB of source in the viewer; a text area with more becomes slow, and the file holds the rest. */
    static final int SOURCE_LIMIT = 1_000_000;
    private final SandboxMailbox mailbox;
    private final BackgroundRunner runner;
    private final String where;
    private final ObservableList<InboxMessage> messages = FXCollections.observableArrayList();
    private final ObjectProperty<InboxMessage> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final StringProperty status = new SimpleStringProperty("");
    private int emptiedSeen;
    private final javafx.collections.transformation.FilteredList<InboxMessage> shown = new javafx.collections.transformation.FilteredList<>(messages);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ReceivedMessage> rendered = new SimpleObjectProperty<>();

    public SandboxInboxViewModel(SandboxServer server, BackgroundRunner runner) {
        this(server.mailbox(), runner, "Sandbox server: " + server.host() + ", port " + server.port());
    }

    SandboxInboxViewModel(SandboxMailbox mailbox, BackgroundRunner runner, String where) {
        this.mailbox = mailbox;
        this.runner = runner;
        this.where = where;
        selected.addListener((o, a, b) -> loadSource(b));
        search.addListener((o, a, typed) -> {
            String needle = typed == null ? "" : org.broadside.contacts.AccentFoldingSearch.fold(typed.strip());
            shown.setPredicate(needle.isEmpty() ? null : m -> org.broadside.contacts.AccentFoldingSearch
                    .fold(m.to() + " " + m.from() + " " + m.subject()).contains(needle));
        });
        refresh();
    }

    public ObservableList<InboxMessage> messages() { return messages; }
    /** The messages the search shows (to, from and subject; case and accents ignored). */
    public ObservableList<InboxMessage> shown() { return shown; }
    public StringProperty searchProperty() { return search; }
    /** The selected message decoded as its recipient would see it; null while none is selected or it is being read. */
    public ObjectProperty<ReceivedMessage> renderedProperty() { return rendered; }
    public ObjectProperty<InboxMessage> selectedProperty() { return selected; }
    /** The selected message's source as received (cut after about 1 MB). */
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
    public StringProperty statusProperty() { return status; }

    /** Picks up messages that arrived since the last call, as one list change; only the in-memory index is read. */
    public void refresh() {
        // Emptied elsewhere (another inbox window) and refilled since: the count alone would not tell.
        if (mailbox.emptied() != emptiedSeen || mailbox.size() < messages.size()) {
            emptiedSeen = mailbox.emptied();
            messages.clear();
        }
        List<InboxMessage> fresh = mailbox.since(messages.size());
        if (!fresh.isEmpty()) messages.addAll(fresh);
        status.set(where + " — " + messages.size() + (messages.size() == 1 ? " message" : " messages")
                + " in " + mailbox.directory());
    }

    /** Deletes every stored message (files included). */
    public void clear() {
        runner.run(() -> {
            mailbox.deleteAll();
            return true;
        }, done -> {
            messages.clear();
            refresh();
        }, e -> status.set("The Sandbox inbox could not be emptied: " + e.getMessage()));
    }

    private void loadSource(InboxMessage m) {
        source.set("");
        rendered.set(null);
        if (m == null) return;
        runner.run(() -> ReceivedMessage.read(m.file()), r -> {
            if (m.equals(selected.get())) rendered.set(r);
        }, e -> {
            if (m.equals(selected.get())) status.set("This message could not be decoded: " + e.getMessage());
        });
        runner.run(() -> mailbox.source(m, SOURCE_LIMIT), text -> {
            if (m.equals(selected.get())) source.set(text); // a quicker later selection must not be overwritten
        }, e -> {
            if (m.equals(selected.get())) source.set("This message could not be read: " + e.getMessage());
        });
    }

    /** Writes an attachment where the user chose (in the background). */
    public void save(ReceivedMessage.Attachment a, java.nio.file.Path target) {
        runner.run(() -> java.nio.file.Files.write(target, a.content()), p -> status.set("Saved " + p.getFileName() + "."),
                e -> status.set("The attachment could not be saved: " + e.getMessage()));
    }

    /** Opens an attachment with the system's program for it, from a copy in the Sandbox's folder. */
    public void open(ReceivedMessage.Attachment a, org.broadside.ui.message.FileOpener opener) {
        runner.run(() -> {
            java.nio.file.Path dir = mailbox.directory().resolve("opened");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path f = dir.resolve(a.name().replaceAll("[\\\\/:*?\"<>|]", "_"));
            java.nio.file.Files.write(f, a.content());
            opener.open(f);
            return f;
        }, f -> status.set("Opened " + f.getFileName() + "."), e -> status.set("The attachment could not be opened: " + e.getMessage()));
    }
}
