package org.broadside.ui.imports;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.broadside.contacts.imports.ContactSource;
import org.broadside.contacts.imports.FileSources;
import org.broadside.contacts.imports.InvalidJdbcUrlException;
import org.broadside.contacts.imports.JdbcUrl;
import org.broadside.contacts.imports.JdbcSettings;
import org.broadside.contacts.imports.JdbcSource;
import org.broadside.contacts.imports.SourceConfig;

import java.nio.file.Path;

/** Where an import reads from: a file, or a table or query of a PostgreSQL, MySQL/MariaDB or SQLite database. */
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
    final StringProperty url = new SimpleStringProperty("");
    /** Why the URL cannot be read, or empty. */
    final StringProperty urlProblem = new SimpleStringProperty("");
    /** The pasted URL's other parameters (SSL mode...), kept when a field is edited. */
    private java.util.Map<String, String> urlParameters = java.util.Map.of();
    /** True while the fields are filled from the URL or the URL from the fields, so neither echoes the other. */
    private boolean syncing;

    public ImportSourceForm() {
        database.addListener((o, a, b) -> {
            if (!syncing && b != null) port.set(b == JdbcSettings.Kind.SQLITE ? "" : String.valueOf(JdbcUrl.defaultPort(b)));
        });
        url.addListener((o, a, b) -> fillFieldsFromUrl(b));
        host.addListener((o, a, b) -> {
            // The reported mistake: a whole URL pasted into Host became jdbc:postgresql://jdbc:postgresql://...
            if (!syncing && JdbcUrl.looksLikeUrl(b)) url.set(b.strip());
        });
        for (var field : java.util.List.of(host, port, databaseName, user)) field.addListener((o, a, b) -> rebuildUrl());
        database.addListener((o, a, b) -> rebuildUrl());
        rebuildUrl();
    }

    private void fillFieldsFromUrl(String text) {
        if (syncing) return;
        JdbcUrl parsed;
        try {
            parsed = JdbcUrl.parse(text);
        } catch (InvalidJdbcUrlException e) {
            urlProblem.set(e.getMessage());
            return;
        }
        urlProblem.set("");
        syncing = true;
        try {
            database.set(parsed.kind());
            host.set(parsed.host());
            port.set(parsed.port() == 0 ? "" : String.valueOf(parsed.port()));
            databaseName.set(parsed.database());
            if (!parsed.user().isEmpty()) user.set(parsed.user());
            if (!parsed.password().isEmpty()) password.set(parsed.password());
            urlParameters = parsed.parameters();
            // A password never stays in the URL, which is saved with the source.
            if (!parsed.password().isEmpty()) url.set(withoutSecret(parsed));
        } finally {
            syncing = false;
        }
    }

    private static String withoutSecret(JdbcUrl u) {
        return new JdbcUrl(u.kind(), u.host(), u.port(), u.database(), u.user(), "", u.parameters()).format();
    }

    private void rebuildUrl() {
        if (syncing || database.get() == null) return;
        int p;
        try {
            p = port.get().isBlank() ? 0 : Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            urlProblem.set("The port must be a number.");
            return;
        }
        syncing = true;
        try {
            url.set(new JdbcUrl(database.get(), host.get().strip(), p, databaseName.get().strip(), user.get().strip(), "",
                    urlParameters).format());
            urlProblem.set("");
        } finally {
            syncing = false;
        }
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
    /** The database URL: pasting one fills the fields; editing a field rebuilds it. */
    public StringProperty urlProperty() { return url; }
    /** What is wrong with the typed URL, or empty. */
    public StringProperty urlProblemProperty() { return urlProblem; }

    JdbcSettings jdbc() {
        if (!urlProblem.get().isEmpty()) throw new IllegalArgumentException(urlProblem.get());
        JdbcUrl parsed = JdbcUrl.parse(url.get());
        // The user travels apart from the URL (as the password does), so the URL carries only the server's settings.
        String address = new JdbcUrl(parsed.kind(), parsed.host(), parsed.port(), parsed.database(), "", "",
                parsed.parameters()).format();
        return new JdbcSettings(address, user.get().strip(), password.get(), null, blankToNull(table.get()),
                blankToNull(query.get()), JdbcSettings.DEFAULT_TIMEOUT_SECONDS);
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
