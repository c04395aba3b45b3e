package org.broadside.cli;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run builds only the subcommand it names (picocli's model of all of them cost ~0.25 s of every start); it must
 * answer exactly as the whole tree does, for commands, their errors, help, version and mistyped names.
 */
class OneCommandTreeTest {
    @Test
    void aNamedCommandBuildsItsOwnTreeOnly() {
        assertThat(BroadsideCommand.commandsFor("--data", "/tmp/x", "send", "c.json")).containsExactly(SendCommand.class);
        assertThat(BroadsideCommand.commandsFor("--verbose", "list", "import", "L", "f.csv")).containsExactly(ListCommand.class);
        assertThat(BroadsideCommand.commandsFor("--data=/tmp/x", "report", "c.json")).containsExactly(ReportCommand.class);
        assertThat(BroadsideCommand.commandsFor()).isEqualTo(BroadsideCommand.COMMANDS);
        assertThat(BroadsideCommand.commandsFor("help", "send")).isEqualTo(BroadsideCommand.COMMANDS);
        assertThat(BroadsideCommand.commandsFor("--help")).isEqualTo(BroadsideCommand.COMMANDS);
        assertThat(BroadsideCommand.commandsFor("sned")).isEqualTo(BroadsideCommand.COMMANDS);
        for (Class<?> c : BroadsideCommand.COMMANDS) {
            picocli.CommandLine.Command command = c.getAnnotation(picocli.CommandLine.Command.class);
            assertThat(BroadsideCommand.BY_NAME).as("the table names each command as its annotation does")
                    .containsEntry(command.name(), c);
            assertThat(command.aliases()).as(command.name() + ": the table knows no aliases").isEmpty();
            if (c == HelpCommand.class) continue;
            assertThat(BroadsideCommand.commandsFor(command.name())).as(command.name()).containsExactly(c);
        }
    }

    @Test
    void everyAnswerIsTheWholeTreesAnswer() throws Exception {
        Path data = TempDirs.create("one-tree");
        Path csv = data.resolve("l.csv");
        Files.writeString(csv, "email,Name\nann@example.com,Ann\n");
        assertThat(run(true, withData(data, new String[] {"list", "import", "L", csv.toString()}))[0]).isEqualTo("0");
        // Commands that change nothing, each run twice: once with the whole tree, once as a real start builds it.
        List<String[]> runs = List.of(
                new String[] {"list", "list"},
                new String[] {"list", "show", "L", "--filter", "[[Name]] = \"Ann\""},
                new String[] {"list", "show", "Nope"},
                new String[] {"send"},
                new String[] {"send", "--no-such-option", "c.json"},
                new String[] {"send", "--help"},
                new String[] {"account", "list"},
                new String[] {"blacklist", "show"},
                new String[] {"sned", "c.json"},
                new String[] {"help", "list"},
                new String[] {"--help"},
                new String[] {"-V"},
                new String[] {"list", "-V"});
        for (String[] args : runs) {
            String[] withData = withData(data, args);
            String[] whole = run(true, withData);
            String[] one = run(false, withData);
            assertThat(one).as(String.join(" ", args)).containsExactly(whole);
        }
    }

    private static String[] withData(Path data, String[] args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data";
        all[1] = data.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    /** Exit code, output and errors; with the whole tree, or as {@code BroadsideCommand.run} builds it. */
    private static String[] run(boolean wholeTree, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        picocli.CommandLine cl = wholeTree ? BroadsideCommand.newCommandLine(o, e) : BroadsideCommand.newCommandLine(o, e, args);
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
