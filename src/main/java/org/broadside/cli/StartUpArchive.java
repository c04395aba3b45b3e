package org.broadside.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bin/broadside} puts in its class-data-sharing archive (ADR 0025). The launcher makes the archive once per
 * jar and Java by running the jar with {@code -XX:ArchiveClassesAtExit} and {@code -Dbroadside.startUpArchive=make}:
 * this class then loads, without initialising, every class listed in {@value #CLASS_LIST} (what a command-line send
 * loads, in load order, written by {@code bench/send-classes.sh}) and the JVM writes them into the archive as it exits.
 * Later commands map those classes from the archive instead of reading, parsing and verifying them from the jar.
 *
 * <p>Loading runs no static initialiser and touches no data directory, store or network. A listed name that no longer
 * exists is skipped (a test catches renamed Broadside classes); an unlisted class is only read from the jar as before.
 */
public final class StartUpArchive {
    /** The system property that turns a start of the jar into making the archive's content. */
    public static final String PROPERTY = "broadside.startUpArchive";
    static final String CLASS_LIST = "send.classes";

    private StartUpArchive() {}

    /** Whether this JVM was started to fill the archive rather than to run a command. */
    public static boolean requested() {
        return "make".equals(System.getProperty(PROPERTY));
    }

    /** Loads the listed classes. */
    public static void loadListedClasses() {
        ClassLoader loader = StartUpArchive.class.getClassLoader();
        for (String name : classNames()) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Renamed or removed since the list was written: the command loads what it needs from the jar.
            }
        }
    }

    /** The listed class names: one per line, '#' starts a comment. */
    static List<String> classNames() {
        List<String> names = new ArrayList<>();
        try (InputStream in = StartUpArchive.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) return names;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) names.add(name);
            }
        } catch (IOException e) {
            // No list: an archive of what the JVM itself loaded, still of some use.
        }
        return names;
    }
}
