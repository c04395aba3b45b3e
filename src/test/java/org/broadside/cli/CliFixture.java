package org.broadside.cli;

import org.broadside.testing.TempDirs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Runs broadside commands in-process against a fresh data directory, capturing output, with an injected environment. */
final class CliFixture {
    final Path data = TempDirs.create("cli");
    final Map<String, String> env = new HashMap<>();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Environment.use(() -> env);
        try {
            String[] all = Stream.concat(Stream.of("--data", data.toString()), Stream.of(args)).toArray(String[]::new);
            return BroadsideCommand.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
        } finally {
            Environment.reset();
        }
    }

    String out() { return out.toString(); }

    String err() { return err.toString(); }
}
