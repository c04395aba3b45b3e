package org.broadside.ui.imports;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.contacts.imports.ContactSource;
import org.broadside.contacts.imports.FileSources;
import org.broadside.contacts.imports.JdbcSettings;
import org.broadside.contacts.imports.JdbcSource;
import org.broadside.contacts.imports.SourceConfig;

import java.nio.file.Path;

/** Where an import reads from: a file, or a PostgreSQL/MySQL table or query. */
public final class ImportSourceForm {
    /** File or database. */
    public enum Kind { FILE, DATABASE }

    final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.FILE);
    final StringProperty file = new SimpleStringProperty("");
    final ObjectProperty<FileSources.Format> format = new SimpleObjectProperty<>();
    final ObjectProperty<JdbcSettings.Kind> database = new SimpleObjectProperty<>(JdbcSettings.Kind.POSTGRESQL);
    final StringProperty host = new SimpleStringProperty("localhost");
    final StringProperty port = new SimpleStringProperty("5432");
    final StringProperty databaseName = new SimpleStringProperty("");
    final StringProperty user = new SimpleStringProperty("");
    final StringProperty password = new SimpleStringProperty("");
    final StringProperty table = new SimpleStringProperty("");
    final StringProperty query = new SimpleStringProperty("");

    public ImportSourceForm() {
        database.addListener((o, a, b) -> port.set(b == JdbcSettings.Kind.MYSQL ? "3306" : "5432"));
    }

    public ObjectProperty<Kind> kindProperty() { return kind; }
    public StringProperty fileProperty() { return file; }
    public ObjectProperty<FileSources.Format> formatProperty() { return format; }
    public ObjectProperty<JdbcSettings.Kind> databaseProperty() { return database; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public StringProperty databaseNameProperty() { return databaseName; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public StringProperty tableProperty() { return table; }
    public StringProperty queryProperty() { return query; }

    JdbcSettings jdbc() {
        int p;
        try {
            p = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port must be a number.");
        }
        return new JdbcSettings(JdbcSettings.url(database.get(), host.get().strip(), p, databaseName.get().strip()),
                user.get().strip(), password.get(), null, blankToNull(table.get()), blankToNull(query.get()),
                JdbcSettings.DEFAULT_TIMEOUT_SECONDS);
    }

    /** Opens the source for reading; the caller closes it. */
    ContactSource open() {
        if (kind.get() == Kind.FILE) {
            if (file.get().isBlank()) throw new IllegalArgumentException("Choose a file to import.");
            return FileSources.open(Path.of(file.get().strip()), format.get());
        }
        return JdbcSource.open(jdbc());
    }

    /** The source as saved with the list (no password: only the name of the variable that holds it). */
    SourceConfig config(String mapping) {
        if (kind.get() == Kind.FILE) {
            return SourceConfig.file(Path.of(file.get().strip()).toAbsolutePath().toString(),
                    format.get() == null ? null : format.get().name().toLowerCase(), mapping);
        }
        JdbcSettings s = jdbc();
        // No secret and no variable name: the password of a saved source is kept in the credential store.
        return SourceConfig.jdbc(s.url(), s.user(), null, s.sslMode(), s.table(), s.query(), mapping);
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
