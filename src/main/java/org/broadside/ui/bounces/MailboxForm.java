package org.broadside.ui.bounces;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.bounces.AfterScan;
import org.broadside.bounces.InvalidMailboxException;
import org.broadside.bounces.MailProtocol;
import org.broadside.bounces.MailboxAccount;

/**
 * The fields of one bounce mailbox as typed, with what the command line offers: protocol, host, port, TLS, user,
 * password, folder, and what happens to a recognised message afterwards. The password is only held until Save.
 */
public final class MailboxForm {
    final StringProperty name = new SimpleStringProperty("");
    final ObjectProperty<MailProtocol> protocol = new SimpleObjectProperty<>(MailProtocol.IMAP);
    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port = new SimpleStringProperty(Integer.toString(MailProtocol.IMAP.defaultPort(true)));
    final BooleanProperty tls = new SimpleBooleanProperty(true);
    final StringProperty user = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty folder = new SimpleStringProperty("INBOX");
    final ObjectProperty<AfterScan> afterScan = new SimpleObjectProperty<>(AfterScan.KEEP);
    final StringProperty processedFolder = new SimpleStringProperty("Processed");

    MailboxForm() {
        // A port still at the default follows the protocol and TLS; one the user typed stays.
        protocol.addListener((o, was, now) -> followDefaultPort(was, tls.get()));
        tls.addListener((o, was, now) -> followDefaultPort(protocol.get(), was));
    }

    private void followDefaultPort(MailProtocol previousProtocol, boolean previousTls) {
        if (previousProtocol != null && port.get().strip().equals(Integer.toString(previousProtocol.defaultPort(previousTls))))
            port.set(Integer.toString(protocol.get().defaultPort(tls.get())));
        if (protocol.get() == MailProtocol.POP3) {
            folder.set("INBOX");
            if (afterScan.get() == AfterScan.MOVE) afterScan.set(AfterScan.DELETE);
        }
    }

    public StringProperty nameProperty() { return name; }
    public ObjectProperty<MailProtocol> protocolProperty() { return protocol; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public BooleanProperty tlsProperty() { return tls; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty folderProperty() { return folder; }
    public ObjectProperty<AfterScan> afterScanProperty() { return afterScan; }
    public StringProperty processedFolderProperty() { return processedFolder; }

    void load(MailboxAccount m) {
        name.set(m.name());
        protocol.set(m.protocol());
        tls.set(m.tls());
        host.set(m.host());
        port.set(Integer.toString(m.port()));
        user.set(m.username());
        password.set("");
        folder.set(m.folder());
        afterScan.set(m.afterScan());
        processedFolder.set(m.processedFolder() == null ? "Processed" : m.processedFolder());
    }

    void clear() {
        load(new MailboxAccount("Bounces", MailProtocol.IMAP, "mail.example.com", MailProtocol.IMAP.defaultPort(true), true, "bounces",
                "INBOX", AfterScan.KEEP, null));
        host.set("");
        user.set("");
    }

    /** The mailbox as typed; an {@link InvalidMailboxException} says in one sentence what to correct. */
    MailboxAccount toAccount() {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new InvalidMailboxException("The port must be a whole number, such as " + protocol.get().defaultPort(tls.get()) + ".");
        }
        return new MailboxAccount(name.get(), protocol.get(), host.get(), p, tls.get(), user.get(), folder.get(), afterScan.get(),
                afterScan.get() == AfterScan.MOVE ? processedFolder.get() : null);
    }
}
