package org.broadside.ui.lists;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.broadside.contacts.Contact;

/** A table row that may still be loading: its contact arrives with its page. */
public final class ContactRow {
    private final ObjectProperty<Contact> contact = new SimpleObjectProperty<>();

    public ObjectProperty<Contact> contactProperty() { return contact; }

    public Contact contact() { return contact.get(); }

    public boolean loaded() { return contact.get() != null; }
}
