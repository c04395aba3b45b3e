package org.broadside.cli;

import org.broadside.accounts.CredentialKeys;

import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.imports.ColumnMapping;
import org.broadside.contacts.imports.ContactImporter;
import org.broadside.contacts.imports.ContactSource;
import org.broadside.contacts.imports.CsvSource;
import org.broadside.contacts.imports.FileSources;
import org.broadside.contacts.imports.ImportException;
import org.broadside.contacts.imports.ImportLimits;
import org.broadside.contacts.imports.ImportOptions;
import org.broadside.contacts.imports.ImportReport;
import org.broadside.contacts.imports.JdbcSettings;
import org.broadside.contacts.imports.JdbcSource;
import org.broadside.contacts.imports.SavedSources;
import org.broadside.contacts.imports.SourceConfig;
import org.broadside.contacts.imports.TooManyColumnsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** "broadside list import LIST FILE|--jdbc URL": imports contacts, creating the list when needed, and prints the report. */
@Command(name = "import", description = "Import contacts from a CSV/TSV/XLSX/VCF/text file or a PostgreSQL/MySQL database.",
        mixinStandardHelpOptions = true, sortOptions = false)
public final class ListImportCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIST", description = "The list (created when it does not exist).")
    String list;

    @Parameters(index = "1", paramLabel = "FILE", arity = "0..1", description = "The file to import.")
    Path file;

    @Option(names = "--format", paramLabel = "csv|tsv|xlsx|vcf|text", description = "File format (default: from the extension).")
    FileSources.Format format;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: detected); 'tab' for tabs.")
    String delimiter;

    @Option(names = "--no-header", description = "The file's first line is data, not column names.")
    boolean noHeader;

    @Option(names = "--map", paramLabel = "field=column,...", description = "Which column fills which field.")
    String map;

    @Option(names = "--jdbc", paramLabel = "URL", description = "jdbc:postgresql://host:port/db or jdbc:mysql://host:port/db")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "U")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the database password.")
    String passwordEnv;

    @Option(names = "--ssl-mode", paramLabel = "MODE", description = "PostgreSQL sslmode or MySQL sslMode.")
    String sslMode;

    @Option(names = "--table", paramLabel = "T")
    String table;

    @Option(names = "--query", paramLabel = "SQL")
    String query;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "Statement timeout (default 300).")
    int timeout;

    @Option(names = "--preview", description = "Show the columns and the first 50 rows, import nothing.")
    boolean preview;

    @Option(names = "--save-source", paramLabel = "NAME", description = "Save the source so 'list refresh' can re-run it.")
    String saveSource;

    @Option(names = "--keep-blacklisted", description = "Import blacklisted addresses too (they are still skipped at send time).")
    boolean keepBlacklisted;

    @Option(names = "--max-columns", paramLabel = "N", description = "Most columns one import turns into fields (default 500).")
    Integer maxColumns;

    @Option(names = "--max-field-size", paramLabel = "CHARS",
            description = "Longest value a field takes; rows with a longer one are left out and listed (default 65536).")
    Integer maxFieldSize;

    @Override
    public Integer call() {
        if ((file == null) == (jdbcUrl == null)) throw new UserInputException("Give either a FILE or --jdbc URL to import from.");
        if (jdbcUrl == null && (table != null || query != null)) throw new UserInputException("--table and --query need --jdbc.");
        try {
            SourceConfig config = config();
            if (preview) return preview(config);
            ImportReport report;
            try (ContactSource source = open(config)) {
                ColumnMapping mapping = ColumnMapping.parse(map, source.columns());
                report = new ContactImporter(database()).importInto(list, source, mapping,
                        new ImportOptions(false, !keepBlacklisted, limits()), rows -> { });
            }
            out().print(report.format());
            if (report.hasTooLargeValues()) {
                out().println("Rows with a value over the maximum field size were left out; --max-field-size CHARS takes longer values.");
            }
            // Launcher exits right after: print() alone would leave the report in the buffer.
            out().flush();
            if (saveSource != null) {
                long listId = new ContactRepository(database()).requireList(list).id();
                if ("jdbc".equals(config.kind()) && passwordEnv != null) {
                    // The password goes to the credential store, so 'list refresh' works without the variable.
                    var store = credentials();
                    store.put(CredentialKeys.importSource(saveSource), Environment.current().get(passwordEnv).toCharArray());
                    config = SourceConfig.jdbc(config.url(), config.user(), null, config.sslMode(), config.table(), config.query(), config.mapping());
                    out().println("The database password is kept in " + store.description() + ".");
                }
                new SavedSources(database()).save(saveSource, listId, config);
                out().printf("Saved the source as \"%s\"; refresh the list with: broadside list refresh %s%n", saveSource, list);
            }
            return ExitCodes.OK;
        } catch (TooManyColumnsException e) {
            throw new UserInputException(String.format("The source has %,d columns to import, and an import takes at most %,d"
                    + " (each becomes a field of the list). Choose the columns with --map Email=COLUMN,Field=COLUMN,..."
                    + " or raise the limit with --max-columns %d.", e.columns(), e.limit(), e.columns()), e);
        } catch (ImportException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    private ImportLimits limits() {
        ImportLimits d = ImportLimits.DEFAULTS;
        if (maxColumns != null && maxColumns < 1) throw new UserInputException("--max-columns must be at least 1.");
        if (maxFieldSize != null && maxFieldSize < 1) throw new UserInputException("--max-field-size must be at least 1.");
        return new ImportLimits(maxColumns != null ? maxColumns : d.maxColumns(),
                maxFieldSize != null ? maxFieldSize : d.maxFieldChars());
    }

    private SourceConfig config() {
        if (jdbcUrl != null) {
            if (passwordEnv != null && Environment.current().get(passwordEnv) == null) {
                throw new UserInputException("The environment variable " + passwordEnv + " is not set.");
            }
            return SourceConfig.jdbc(jdbcUrl, user, passwordEnv, sslMode, table, query, map);
        }
        return SourceConfig.file(file.toAbsolutePath().toString(), format == null ? null : format.name(), map);
    }

    private ContactSource open(SourceConfig config) {
        if (config.kind().equals("jdbc")) return JdbcSource.open(jdbcSettings());
        if (delimiter != null || noHeader) {
            FileSources.Format f = format != null ? format : FileSources.guess(file);
            if (f != FileSources.Format.CSV && f != FileSources.Format.TSV) {
                throw new UserInputException("--delimiter and --no-header apply to CSV and TSV files only.");
            }
            Character d = delimiter == null ? (f == FileSources.Format.TSV ? Character.valueOf('\t') : null) : delimiterChar();
            return CsvSource.open(file, d, noHeader ? Boolean.FALSE : null);
        }
        return FileSources.open(file, format);
    }

    private char delimiterChar() {
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t")) return '\t';
        if (delimiter.length() != 1) throw new UserInputException("--delimiter must be one character, or 'tab'.");
        return delimiter.charAt(0);
    }

    private JdbcSettings jdbcSettings() {
        String password = passwordEnv == null ? null : Environment.current().get(passwordEnv);
        return new JdbcSettings(jdbcUrl, user, password, sslMode, table, query, timeout);
    }

    private int preview(SourceConfig config) {
        List<String> columns;
        List<List<String>> rows = new java.util.ArrayList<>();
        if (config.kind().equals("jdbc")) {
            JdbcSource.Preview p = JdbcSource.preview(jdbcSettings(), 50);
            columns = p.columns();
            rows.addAll(p.rows());
        } else {
            try (ContactSource source = open(config)) {
                columns = source.columns();
                var r = source.next();
                while (r != null && rows.size() < 50) {
                    rows.add(r.problem() != null ? List.of("(" + source.unit() + " " + r.line() + ": " + r.problem() + ")") : r.values());
                    r = source.next();
                }
            }
        }
        out().println(String.join("\t", columns));
        for (List<String> row : rows) out().println(String.join("\t", row).replace("\n", " / "));
        out().printf("(%d rows shown; nothing was imported)%n", rows.size());
        return ExitCodes.OK;
    }
}
