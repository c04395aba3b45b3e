package org.broadside.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin/broadside against the packaged jar (run by failsafe after {@code package}): the same output and exit codes as
 * {@code java -jar}, a class-data-sharing archive made once and then used, and nothing different when the archive is
 * broken, foreign or turned off (ADR 0025).
 */
class LauncherScriptIT {
    private static final Path JAR = Path.of(System.getProperty("broadside.jar", "target/broadside.jar")).toAbsolutePath();
    private static final Path SCRIPT = Path.of("bin/broadside").toAbsolutePath();

    private Path work;
    private Path archives;

    private record Run(int exit, String out, String err) {}

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(!System.getProperty("os.name").toLowerCase().startsWith("windows"), "a POSIX shell script");
        assertThat(JAR).as("the packaged jar").exists();
        Path base = Path.of("target", "it");
        Files.createDirectories(base);
        work = Files.createTempDirectory(base.toAbsolutePath(), "launcher");
        archives = work.resolve("cds");
    }

    @Test
    void makesItsArchiveOnceThenStartsFromIt() throws Exception {
        Run first = launcher(Map.of(), "--version");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).startsWith("Broadside ");
        assertThat(first.err()).isEmpty();
        List<Path> made = files(archives);
        assertThat(made).as("one archive, no partial one left").hasSize(1);
        assertThat(made.get(0).getFileName().toString()).matches("broadside-\\d+\\.jsa");
        assertThat(Files.size(made.get(0))).isGreaterThan(1_000_000);

        Path classLog = work.resolve("classes.log");
        Run second = launcher(Map.of("BROADSIDE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "--version");
        assertThat(second).isEqualTo(first);
        assertThat(files(archives)).containsExactlyElementsOf(made);
        assertThat(Files.readString(classLog)).as("Broadside's classes mapped from the archive")
                .contains("org.broadside.cli.BroadsideCommand source: shared objects file (top)");
    }

    @Test
    void sameOutputAndExitCodesAsJavaJar() throws Exception {
        for (String[] args : List.of(new String[]{"--version"}, new String[]{"no-such-command"},
                new String[]{"--data", work.resolve("data").toString(), "list", "list"},
                new String[]{"--data", work.resolve("data").toString(), "list", "show", "Nobody"})) {
            Run plain = javaJar(args);
            Run launched = launcher(Map.of(), args);
            assertThat(launched).as(String.join(" ", args)).isEqualTo(plain);
        }
        assertThat(javaJar("no-such-command").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void aBrokenArchiveOnlyMeansASlowerStart() throws Exception {
        assertThat(launcher(Map.of(), "--version").exit()).isZero();
        Path archive = files(archives).get(0);
        archive.toFile().setWritable(true);
        Files.write(archive, "not an archive".getBytes(StandardCharsets.US_ASCII));
        Run run = launcher(Map.of(), "--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Broadside ").doesNotContain("cds").doesNotContain("archive");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void offMeansNoArchive() throws Exception {
        Run run = launcher(Map.of("BROADSIDE_CDS", "off"), "--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Broadside ");
        assertThat(archives).doesNotExist();
    }

    /** Commands run with the serial collector; the app (no command word) and a collector named by the user do not. */
    @Test
    void commandsRunWithTheSerialCollector() throws Exception {
        String data = work.resolve("data").toString();
        Map<String, String> flags = Map.of("BROADSIDE_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        assertThat(collector(launcher(flags, "--data", data, "list", "list"))).isEqualTo("UseSerialGC");
        assertThat(collector(launcher(flags, "list", "list", "--data", data))).isEqualTo("UseSerialGC");
        // No command word: what the app would get (here --version, so that nothing opens a window).
        assertThat(collector(launcher(flags, "--data", data, "--version"))).isNotEqualTo("UseSerialGC");
        Run chosen = launcher(Map.of("BROADSIDE_JAVA_OPTS", "-XX:+UseParallelGC -XX:+PrintFlagsFinal"), "--data", data, "list", "list");
        assertThat(chosen.err()).isEmpty();
        assertThat(collector(chosen)).isEqualTo("UseParallelGC");
    }

    /** The collector flag that -XX:+PrintFlagsFinal shows as true. */
    private static String collector(Run run) {
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out().lines()
                .filter(l -> l.matches("\\s*bool Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC\\s+= true.*"))
                .map(l -> l.trim().split("\\s+")[1])
                .findFirst().orElse("none");
    }

    /** A link in ~/bin, say: the jar is found beside the script the link points to (target/ next to bin/). */
    @Test
    void aLinkToTheScriptFindsTheJarBesideTheScript() throws Exception {
        Path link = Files.createSymbolicLink(work.resolve("broadside"), SCRIPT);
        Run run = run(List.of("sh", link.toString(), "--version"), Map.of("BROADSIDE_CDS_DIR", archives.toString()));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(javaJar("--version").out());
    }

    /** JDK 22+ warns on every start, before a command's output, when the jar does not declare its native access. */
    @Test
    void theJarDeclaresItsNativeAccess() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    @Test
    void aMissingJarIsNamed() throws Exception {
        Run run = run(List.of("sh", SCRIPT.toString(), "--version"), Map.of("BROADSIDE_JAR", work.resolve("nothing.jar").toString()));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nothing.jar not found").contains("mvn -B -ntp -DskipTests package");
    }

    private Run launcher(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("BROADSIDE_JAR", JAR.toString());
        all.put("BROADSIDE_CDS_DIR", archives.toString());
        return run(command, all);
    }

    private Run javaJar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command, Map.of());
    }

    private Run run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("BROADSIDE_HOME", work.resolve("home").toString());
        pb.environment().remove("BROADSIDE_JAVA_OPTS");
        pb.environment().remove("BROADSIDE_JAR");
        pb.environment().remove("BROADSIDE_CDS");
        pb.environment().putAll(env);
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command) + " ended").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
