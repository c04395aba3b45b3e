package org.broadside.ui.delivery;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.delivery.CampaignRepository;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;
import org.broadside.delivery.SentBy;

import java.time.Instant;

/** One row of the Delivery table; its cells update in place when a receipt arrives or its page is read again. */
public final class RecipientItem {
    private final long id;
    private final String email;
    private final ObjectProperty<RecipientState> state = new SimpleObjectProperty<>();
    private final IntegerProperty code = new SimpleIntegerProperty();
    private final StringProperty reply = new SimpleStringProperty();
    private final StringProperty queueId = new SimpleStringProperty();
    private final IntegerProperty attempts = new SimpleIntegerProperty();
    private final ObjectProperty<Instant> at = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> nextAttempt = new SimpleObjectProperty<>();
    private final StringProperty account = new SimpleStringProperty();
    /** The machine and process that recorded the state; null while no run has. */
    private final ObjectProperty<SentBy> sentBy = new SimpleObjectProperty<>();

    public RecipientItem(long id, String email, RecipientState state) {
        this.id = id;
        this.email = email;
        this.state.set(state);
    }

    /** A row whose page is still being read: shown as "…" until it arrives. */
    static RecipientItem loading() {
        return new RecipientItem(0, "…", null);
    }

    static RecipientItem of(RecipientRow r) {
        RecipientItem i = new RecipientItem(r.id(), r.email(), r.state());
        i.update(r, null);
        return i;
    }

    static RecipientItem of(CampaignRepository.ListedRecipient listed) {
        RecipientItem i = new RecipientItem(listed.row().id(), listed.row().email(), listed.row().state());
        i.update(listed);
        return i;
    }

    /** Takes what the store holds now (a later read of its page), and who recorded it. */
    void update(CampaignRepository.ListedRecipient listed) {
        update(listed.row(), listed.nextAttemptAt());
        sentBy.set(listed.sentBy());
    }

    private void update(RecipientRow r, Long nextAttemptAt) {
        state.set(r.state());
        code.set(r.code());
        reply.set(r.reply() != null ? r.reply() : r.reason());
        queueId.set(r.queueId());
        attempts.set(r.attempts());
        at.set(r.updatedAt() > 0 ? Instant.ofEpochMilli(r.updatedAt()) : null);
        nextAttempt.set(r.state() == RecipientState.DEFERRED && nextAttemptAt != null ? Instant.ofEpochMilli(nextAttemptAt) : null);
        account.set(r.account());
    }

    /** A receipt of this process's run: {@code self} is this process as its runs record it. */
    void apply(Receipt r, SentBy self) {
        sentBy.set(self);
        state.set(r.state());
        code.set(r.code());
        reply.set(r.reply());
        queueId.set(r.queueId());
        attempts.set(r.attempts());
        at.set(r.at());
        // A receipt does not carry the retry time: the next read of the page fills it in.
        if (r.state() != RecipientState.DEFERRED) nextAttempt.set(null);
        account.set(r.account());
    }

    /** True while its page is still being read from the store. */
    public boolean isLoading() { return id == 0; }

    public long id() { return id; }
    public String email() { return email; }
    public ObjectProperty<RecipientState> stateProperty() { return state; }
    public RecipientState state() { return state.get(); }
    public IntegerProperty codeProperty() { return code; }
    public StringProperty replyProperty() { return reply; }
    public StringProperty queueIdProperty() { return queueId; }
    public IntegerProperty attemptsProperty() { return attempts; }
    public ObjectProperty<Instant> atProperty() { return at; }
    /** When a DEFERRED recipient is tried again; null for every other state. */
    public ObjectProperty<Instant> nextAttemptProperty() { return nextAttempt; }
    public StringProperty accountProperty() { return account; }
    public ObjectProperty<SentBy> sentByProperty() { return sentBy; }
}
