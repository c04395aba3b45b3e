package org.broadside.cli;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command and subcommand answers "--help", "-h" and "broadside help PATH" with its own usage and exit 0,
 * whatever else is missing or wrong on the line. The commands are read from the command-line model, so a new
 * command is covered without touching this test.
 */
class CommandHelpTest {
    static final Path DATA = TempDirs.create("cli-help");

    /** Every command path below "broadside", the root itself included as the empty path. */
    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(model(), new ArrayList<>(), paths);
        return paths.stream();
    }

    /** Every command path that has a value-taking option: "--help" given where the value belongs. */
    static Stream<List<String>> commandPathsWithAValueOption() {
        return commandPaths().filter(path -> valueOption(path).isPresent());
    }

    /** Every command with subcommands. */
    static Stream<List<String>> commandGroups() {
        return commandPaths().filter(path -> !find(path).getSubcommands().isEmpty());
    }

    @ParameterizedTest(name = "broadside {0} --help")
    @MethodSource("commandPaths")
    void helpOptionPrintsTheUsageOfThatCommand(List<String> path) {
        assertPrintsUsageOf(path, run(path, "--help"));
    }

    /** Every command path that offers -V (the standard help options). */
    static Stream<List<String>> commandPathsWithVersion() {
        return commandPaths().filter(path -> find(path).getCommandSpec().findOption("-V") != null);
    }

    @ParameterizedTest(name = "broadside {0} -V")
    @MethodSource("commandPathsWithVersion")
    void versionOptionPrintsBroadsidesVersionOnEveryCommand(List<String> path) {
        CliRun result = run(path, "-V");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).as("version printed by '%s -V'", path).startsWith("Broadside ");
    }

    @ParameterizedTest(name = "broadside {0} -h")
    @MethodSource("commandPaths")
    void shortHelpOptionPrintsTheUsageOfThatCommand(List<String> path) {
        assertPrintsUsageOf(path, run(path, "-h"));
    }

    @ParameterizedTest(name = "broadside help {0}")
    @MethodSource("commandPaths")
    void helpCommandPrintsTheUsageOfTheNamedCommand(List<String> path) {
        List<String> args = new ArrayList<>(List.of("help"));
        args.addAll(path);
        assertPrintsUsageOf(path, run(args));
    }

    @ParameterizedTest(name = "broadside {0} --no-such-option --help")
    @MethodSource("commandPaths")
    void helpOptionWinsOverAnUnknownOption(List<String> path) {
        assertPrintsUsageOf(path, run(path, "--no-such-option", "--help"));
    }

    @ParameterizedTest(name = "broadside {0} --option --help")
    @MethodSource("commandPathsWithAValueOption")
    void helpOptionWinsOverAMissingOptionValue(List<String> path) {
        assertPrintsUsageOf(path, run(path, valueOption(path).orElseThrow(), "--help"));
    }

    @ParameterizedTest(name = "broadside {0} help SUBCOMMAND")
    @MethodSource("commandGroups")
    void everyCommandGroupHasAHelpCommandForItsSubcommands(List<String> group) {
        for (String sub : find(group).getSubcommands().keySet()) {
            List<String> args = new ArrayList<>(group);
            args.add("help");
            args.add(sub);
            List<String> subPath = new ArrayList<>(group);
            subPath.add(sub);
            assertPrintsUsageOf(subPath, run(args));
        }
    }

    @Test
    void helpOfTheNestedCommandIsNotTheHelpOfItsParent() {
        CliRun result = run(List.of("help", "dkim", "generate"));

        assertThat(result.out()).startsWith("Usage: broadside dkim generate ").contains("--selector");
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        CliRun result = run(List.of("help", "nosuch"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("Unknown command 'nosuch'").contains("Try 'broadside --help'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void helpOfAnUnknownSubcommandNamesTheGroupToAskInstead() {
        CliRun result = run(List.of("help", "dkim", "nosuch"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("Unknown command 'dkim nosuch'").contains("Try 'broadside dkim --help'");
    }

    @Test
    void helpAfterTheEndOfOptionsIsAnArgumentNotARequest() {
        CliRun result = run(List.of("dkim", "generate", "--", "--help"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.out()).isEmpty();
    }

    private static void assertPrintsUsageOf(List<String> path, CliRun result) {
        String name = String.join(" ", Stream.concat(Stream.of("broadside"), path.stream()).toList());
        assertThat(result.exitCode()).as("exit code; err: %s", result.err()).isZero();
        assertThat(result.out()).as("usage of '%s'", name).matches("(?s)Usage: " + java.util.regex.Pattern.quote(name) + "[ \\n].*");
        assertThat(result.err()).isEmpty();
    }

    private static CliRun run(List<String> path, String... more) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of(more));
        return run(args);
    }

    private static CliRun run(List<String> args) {
        return CliRun.run(DATA, args.toArray(String[]::new));
    }

    private static CommandLine model() {
        return BroadsideCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            path.add(name);
            collect(sub, path, into);
            path.remove(path.size() - 1);
        });
    }

    private static CommandLine find(List<String> path) {
        CommandLine command = model();
        for (String name : path) command = command.getSubcommands().get(name);
        return command;
    }

    /** The first option of the command itself (not the inherited --data) that takes a value. */
    private static Optional<String> valueOption(List<String> path) {
        return find(path).getCommandSpec().options().stream()
                .filter(option -> option.arity().min() > 0 && !option.inherited())
                .map(OptionSpec::longestName)
                .findFirst();
    }
}
