package org.broadside.ui.sandbox;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The Sandbox inbox: the messages the built-in server received, newest appended on each refresh. */
public final class SandboxInboxViewModel {
    private final Supplier<List<MimeMessage>> source;
    private final Runnable clearer;
    private final ObservableList<InboxMessage> messages = FXCollections.observableArrayList();
    private final ObjectProperty<InboxMessage> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");

    public SandboxInboxViewModel(SandboxServer server) {
        this(server::received, server::clear, "Listening on " + server.host() + ":" + server.port());
    }

    SandboxInboxViewModel(Supplier<List<MimeMessage>> source, Runnable clearer, String where) {
        this.source = source;
        this.clearer = clearer;
        this.where = where;
        refresh();
    }

    private final String where;

    public ObservableList<InboxMessage> messages() { return messages; }
    public ObjectProperty<InboxMessage> selectedProperty() { return selected; }
    public StringProperty statusProperty() { return status; }

    /** Picks up messages that arrived since the last call, as one list change. */
    public void refresh() {
        List<MimeMessage> all = source.get();
        if (all.size() < messages.size()) messages.clear();
        List<InboxMessage> fresh = new ArrayList<>();
        for (int i = messages.size(); i < all.size(); i++) fresh.add(InboxMessage.of(i + 1, all.get(i)));
        if (!fresh.isEmpty()) messages.addAll(fresh);
        status.set(where + " — " + messages.size() + (messages.size() == 1 ? " message" : " messages"));
    }

    public void clear() {
        clearer.run();
        messages.clear();
        refresh();
    }
}
