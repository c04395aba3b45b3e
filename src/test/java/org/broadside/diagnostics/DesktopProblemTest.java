package org.broadside.diagnostics;

import org.broadside.testing.TempDirs;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentences for a system where the desktop app cannot open a window (issue 14, item 9). */
class DesktopProblemTest {
    private final Path noLibraries = TempDirs.create("no-gtk");

    @Test
    void missingGtkNamesThePackageToInstallAndThatTheCommandLineStillWorks() {
        DesktopProblem linux = new DesktopProblem("Linux", Map.of("DISPLAY", ":0"), List.of(noLibraries), null);
        String sentence = linux.afterFailedStart(new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(sentence).contains("GTK 3").contains("libgtk-3-0").contains("libgtk-3-0t64").contains("gtk3")
                .contains("broadside --help").doesNotContain("Exception").doesNotContain("\n");
    }

    @Test
    void withGtkInstalledTheFailureIsTheDisplay() throws Exception {
        Path libs = TempDirs.create("gtk");
        Files.createFile(libs.resolve("libgtk-3.so.0"));
        DesktopProblem linux = new DesktopProblem("Linux", Map.of("DISPLAY", ":9"), List.of(noLibraries, libs), null);
        assertThat(linux.afterFailedStart(new UnsupportedOperationException("Unable to open DISPLAY")))
                .startsWith("The desktop app could not open a window on the display :9").contains("broadside --help")
                .doesNotContain("libgtk");
    }

    @Test
    void noDisplayOnLinuxIsKnownBeforeJavaFxStarts() {
        DesktopProblem linux = new DesktopProblem("Linux", Map.of("DISPLAY", " "), List.of(noLibraries), null);
        assertThat(linux.beforeStart()).hasValueSatisfying(s -> assertThat(s).contains("graphical display")
                .contains("DISPLAY").contains("broadside --help"));
    }

    @Test
    void aWaylandSessionWithoutDisplayIsFine() {
        assertThat(new DesktopProblem("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), List.of(), null).beforeStart()).isEmpty();
    }

    @Test
    void windowsMacAndHeadlessMonocleNeedNoDisplayVariable() {
        assertThat(new DesktopProblem("Windows 11", Map.of(), List.of(), null).beforeStart()).isEmpty();
        assertThat(new DesktopProblem("Mac OS X", Map.of(), List.of(), null).beforeStart()).isEmpty();
        assertThat(new DesktopProblem("Linux", Map.of(), List.of(), "Monocle").beforeStart()).isEmpty();
    }

    @Test
    void onlyJavaFxsOwnGraphicsFailureCountsNotAnUnsupportedOperationOfTheApp() {
        UnsupportedOperationException ours = new UnsupportedOperationException("List.of is immutable");
        assertThat(DesktopProblem.graphicsFailure(new RuntimeException(ours))).isEmpty();
        UnsupportedOperationException glass = new UnsupportedOperationException("Unable to open DISPLAY");
        glass.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("com.sun.glass.ui.gtk.GtkApplication", "<init>", "GtkApplication.java", 262)});
        assertThat(DesktopProblem.graphicsFailure(new RuntimeException("Application launch exception", glass))).containsSame(glass);
    }
}
