package org.broadside.ui.delivery;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.delivery.Receipt;
import org.broadside.delivery.RecipientRow;
import org.broadside.delivery.RecipientState;

import java.time.Instant;

/** One row of the Delivery table; its cells update in place when a receipt arrives. */
public final class RecipientItem {
    private final long id;
    private final String email;
    private final ObjectProperty<RecipientState> state = new SimpleObjectProperty<>();
    private final IntegerProperty code = new SimpleIntegerProperty();
    private final StringProperty reply = new SimpleStringProperty();
    private final StringProperty queueId = new SimpleStringProperty();
    private final IntegerProperty attempts = new SimpleIntegerProperty();
    private final ObjectProperty<Instant> at = new SimpleObjectProperty<>();
    private final StringProperty account = new SimpleStringProperty();

    public RecipientItem(long id, String email, RecipientState state) {
        this.id = id;
        this.email = email;
        this.state.set(state);
    }

    static RecipientItem of(RecipientRow r) {
        RecipientItem i = new RecipientItem(r.id(), r.email(), r.state());
        i.code.set(r.code());
        i.reply.set(r.reply() != null ? r.reply() : r.reason());
        i.queueId.set(r.queueId());
        i.attempts.set(r.attempts());
        i.at.set(r.updatedAt() > 0 ? Instant.ofEpochMilli(r.updatedAt()) : null);
        i.account.set(r.account());
        return i;
    }

    void apply(Receipt r) {
        state.set(r.state());
        code.set(r.code());
        reply.set(r.reply());
        queueId.set(r.queueId());
        attempts.set(r.attempts());
        at.set(r.at());
        account.set(r.account());
    }

    public long id() { return id; }
    public String email() { return email; }
    public ObjectProperty<RecipientState> stateProperty() { return state; }
    public RecipientState state() { return state.get(); }
    public IntegerProperty codeProperty() { return code; }
    public StringProperty replyProperty() { return reply; }
    public StringProperty queueIdProperty() { return queueId; }
    public IntegerProperty attemptsProperty() { return attempts; }
    public ObjectProperty<Instant> atProperty() { return at; }
    public StringProperty accountProperty() { return account; }
}
