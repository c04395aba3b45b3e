package org.broadside.cli;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * broadside in a child process on a machine without a display (issue 14, item 9): the command line works and never
 * loads JavaFX, and the desktop app says in one sentence why it cannot open a window instead of a Java exception.
 */
class NoDisplayTest {
    private final Path data = TempDirs.create("no-display");

    private record Outcome(int code, String out, String err) {}

    private Outcome broadside(String display, List<String> jvmOptions, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + data));
        cmd.addAll(jvmOptions);
        cmd.add("org.broadside.Launcher");
        cmd.addAll(List.of("--data", data.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(data.resolve("out.txt").toFile()).redirectError(data.resolve("err.txt").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        if (display != null) pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("broadside did not end within 90 s");
        }
        return new Outcome(p.exitValue(), Files.readString(data.resolve("out.txt")), Files.readString(data.resolve("err.txt")));
    }

    @Test
    void aCommandRunsWithoutADisplayAndNeverLoadsJavaFx() throws Exception {
        Path classes = data.resolve("classes.txt");
        Outcome o = broadside(null, List.of("-Xlog:class+load=info:file=" + classes), "list", "list");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.err()).isEmpty();
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertThat(loaded).as("classes loaded").anyMatch(l -> l.contains("org.broadside.cli.ListListCommand"));
        assertThat(loaded).noneMatch(l -> l.contains(" javafx.") || l.contains(" com.sun.javafx.") || l.contains(" com.sun.glass.")
                || l.contains(" org.broadside.ui."));
    }

    @Test
    void theDesktopAppWithoutAnyDisplaySaysSoInOneSentence() throws Exception {
        Outcome o = broadside(null, List.of());
        assertThat(o.code()).isEqualTo(ExitCodes.NO_DESKTOP);
        assertThat(o.err().lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("broadside: The desktop app needs a graphical display").contains("broadside --help")
                .doesNotContain("Exception"));
    }

    @Test
    void theDesktopAppOnADisplayThatCannotBeOpenedSaysSoInOneSentence() throws Exception {
        // A display number nobody serves: JavaFX really starts and really fails (with GTK installed, on the display;
        // without it, on the library), and the user gets one sentence either way.
        Outcome o = broadside(":87", List.of());
        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.NO_DESKTOP);
        assertThat(o.err().lines().filter(l -> l.startsWith("broadside: "))).singleElement().satisfies(l -> assertThat(l)
                .containsAnyOf("could not open a window on the display :87", "libgtk-3-0").contains("broadside --help")
                .doesNotContain("UnsupportedOperationException: Unable"));
        assertThat(o.err()).doesNotContain("unexpected error").doesNotContain("\tat ");
    }
}
