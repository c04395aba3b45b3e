package org.broadside.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartUpArchiveTest {
    /** A renamed or removed class of Broadside means the list is stale: run bench/send-classes.sh again. */
    @Test
    void everyListedClassOfBroadsideStillExists() {
        List<String> ours = StartUpArchive.classNames().stream().filter(n -> n.startsWith("org.broadside.")).toList();
        assertThat(ours).as("Broadside's classes in " + StartUpArchive.CLASS_LIST).hasSizeGreaterThan(100);
        ClassLoader loader = StartUpArchive.class.getClassLoader();
        assertThat(ours).allSatisfy(name -> assertThat(loader.getResource(name.replace('.', '/') + ".class"))
                .as(name + " (listed in " + StartUpArchive.CLASS_LIST + "; run bench/send-classes.sh)").isNotNull());
    }

    /** The archive is for the command line: the desktop app's classes would only make it larger. */
    @Test
    void theListNamesNoDesktopClass() {
        assertThat(StartUpArchive.classNames()).noneMatch(n -> n.startsWith("javafx.") || n.startsWith("org.broadside.ui."));
    }

    @Test
    void onlyTheLaunchersPropertyTurnsAStartIntoMakingTheArchive() {
        String before = System.getProperty(StartUpArchive.PROPERTY);
        try {
            System.clearProperty(StartUpArchive.PROPERTY);
            assertThat(StartUpArchive.requested()).isFalse();
            System.setProperty(StartUpArchive.PROPERTY, "yes");
            assertThat(StartUpArchive.requested()).isFalse();
            System.setProperty(StartUpArchive.PROPERTY, "make");
            assertThat(StartUpArchive.requested()).isTrue();
        } finally {
            if (before == null) System.clearProperty(StartUpArchive.PROPERTY); else System.setProperty(StartUpArchive.PROPERTY, before);
        }
    }
}
