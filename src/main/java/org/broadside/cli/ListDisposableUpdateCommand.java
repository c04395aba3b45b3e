package org.broadside.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.broadside.contacts.validation.DisposableDomains;
import org.broadside.contacts.validation.DisposableListException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** "broadside list disposable-update --from FILE": installs a newer disposable-domain list into the data directory. */
@Command(name = "disposable-update", mixinStandardHelpOptions = true,
        description = {"Install a disposable-domain list (one domain a line, or the JSON array index.json of the npm package "
                + "disposable-email-domains) in place of the one shipped with Broadside.",
                "Your own additions and exceptions stay in " + DisposableDomains.USER_FILE + " in the data directory."})
public final class ListDisposableUpdateCommand extends CommandSupport implements Callable<Integer> {
    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The list file to install.")
    Path from;

    @Override
    public Integer call() {
        Path data = root().dataDirectory();
        int n;
        try {
            n = DisposableDomains.install(from, data);
        } catch (DisposableListException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        out().printf("Installed %,d disposable domains into %s; list validate uses them from now on.%n", n,
                data.resolve(DisposableDomains.INSTALLED_LIST));
        return ExitCodes.OK;
    }
}
