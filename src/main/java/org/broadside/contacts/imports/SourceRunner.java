package org.broadside.contacts.imports;

import org.broadside.store.Database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Opens the source a {@link SourceConfig} describes and imports it into a list: the engine of "list refresh". */
public final class SourceRunner {
    private final Database db;
    private final Function<String, String> environment;

    /** @param environment looks up environment variables (System::getenv; tests pass a map) */
    public SourceRunner(Database db, Function<String, String> environment) {
        this.db = db;
        this.environment = environment;
    }

    public SourceRunner(Database db, Map<String, String> environment) {
        this(db, environment::get);
    }

    public ContactSource open(SourceConfig config) {
        return open(config, null);
    }

    /**
     * @param savedPassword the database password kept in the credential store for this source, or null to read it
     *                      from the environment variable the config names
     */
    public ContactSource open(SourceConfig config, String savedPassword) {
        if ("file".equals(config.kind())) {
            FileSources.Format format = config.format() == null ? null
                    : FileSources.Format.valueOf(config.format().toUpperCase(Locale.ROOT));
            return FileSources.open(Path.of(config.path()), format);
        }
        String password = savedPassword;
        if (password == null && config.passwordEnv() != null) {
            password = environment.apply(config.passwordEnv());
            if (password == null) {
                throw new ImportException("The environment variable " + config.passwordEnv()
                        + " that holds the database password is not set.");
            }
        }
        return JdbcSource.open(new JdbcSettings(config.url(), config.user(), password, config.sslMode(), config.table(),
                config.query(), 0));
    }

    public ImportReport run(String listName, SourceConfig config, ImportOptions options, ImportProgress progress) {
        return run(listName, config, null, options, progress);
    }

    /** Like {@link #run(String, SourceConfig, ImportOptions, ImportProgress)} with the source's saved password. */
    public ImportReport run(String listName, SourceConfig config, String savedPassword, ImportOptions options, ImportProgress progress) {
        try (ContactSource source = open(config, savedPassword)) {
            ColumnMapping mapping = ColumnMapping.parse(config.mapping(), source.columns());
            return new ContactImporter(db).importInto(listName, source, mapping, options, progress);
        }
    }
}
