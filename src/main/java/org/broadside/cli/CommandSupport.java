package org.broadside.cli;

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

    protected PrintWriter out() { return spec.commandLine().getOut(); }

    protected PrintWriter err() { return spec.commandLine().getErr(); }

    protected CommandLine commandLine() { return spec.commandLine(); }
}
