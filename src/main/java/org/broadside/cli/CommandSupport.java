package org.broadside.cli;

import org.broadside.accounts.CredentialStore;
import org.broadside.accounts.CredentialStores;
import org.broadside.accounts.LazyCredentialStore;
import org.broadside.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** Base of subcommands: reaches the shared data directory and the output streams. */
public abstract class CommandSupport {
    @Spec
    protected CommandSpec spec;

    protected BroadsideCommand root() {
        return (BroadsideCommand) spec.root().userObject();
    }

    protected Database database() { return root().database(); }

    /**
     * The credential store of the data directory, opened on first use, so commands for accounts without a login never
     * ask for a passphrase or a keyring.
     */
    protected CredentialStore credentials() {
        return new LazyCredentialStore(() -> CredentialStores.open(root().dataDirectory(), Environment.current()));
    }

    protected PrintWriter out() { return spec.commandLine().getOut(); }

    protected PrintWriter err() { return spec.commandLine().getErr(); }

    protected CommandLine commandLine() { return spec.commandLine(); }
}
