package org.broadside.cli;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.imports.ImportException;
import org.broadside.contacts.imports.ImportOptions;
import org.broadside.contacts.imports.SavedSources;
import org.broadside.contacts.imports.SourceRunner;
import org.broadside.contacts.imports.SourceConfig;
import org.broadside.accounts.CredentialKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** "broadside list refresh LIST": re-runs the list's saved sources: new rows added, changed rows updated. */
@Command(name = "refresh", description = "Re-run the list's saved import sources.", mixinStandardHelpOptions = true)
public final class ListRefreshCommand extends CommandSupport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIST")
    String list;

    @Option(names = "--remove-missing", description = "Also delete contacts that are no longer in the source.")
    boolean removeMissing;

    @Override
    public Integer call() {
        ContactRepository repo = new ContactRepository(database());
        ContactList l = ListCommands.requireList(repo, list);
        SavedSources saved = new SavedSources(database());
        var sources = saved.forList(l.id());
        if (sources.isEmpty()) {
            throw new UserInputException("The list \"" + l.name() + "\" has no saved source; import with --save-source NAME first.");
        }
        if (removeMissing && sources.size() > 1) {
            throw new UserInputException("--remove-missing needs a list with one saved source; \"" + l.name() + "\" has "
                    + sources.size() + ".");
        }
        for (var source : sources) {
            out().println("Source \"" + source.name() + "\": " + source.config().describe());
            SourceConfig config = source.config();
            String savedPassword = null;
            if ("jdbc".equals(config.kind()) && config.passwordEnv() == null) {
                // Saved with its password in the credential store (import --save-source).
                var secret = credentials().get(CredentialKeys.importSource(source.name()));
                if (secret.isPresent()) {
                    savedPassword = new String(secret.get());
                    java.util.Arrays.fill(secret.get(), '\0');
                }
            }
            SourceRunner runner = new SourceRunner(database(), Environment.current()::get);
            try {
                out().print(runner.run(l.name(), config, savedPassword, new ImportOptions(removeMissing, true), rows -> { }).format());
                out().flush();
            } catch (ImportException e) {
                throw new UserInputException("The source \"" + source.name() + "\" failed: " + e.getMessage(), e);
            }
            saved.markRun(source.id());
        }
        return ExitCodes.OK;
    }
}
