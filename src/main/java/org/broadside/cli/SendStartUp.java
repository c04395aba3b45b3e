package org.broadside.cli;

import org.broadside.delivery.JitPolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Begins what a send needs before its first message on a second thread, as soon as the command line names
 * {@code send}: the JIT policy (ADR 0007, ~0.2 s of loading JMX) and the ~1,900 classes of the campaign reader, the
 * store, the pre-send check, the freeze and the engine, listed in {@value #CLASS_LIST} in the order a send loads them.
 * Meanwhile the main thread reads the command line and sets up the log file; when it reaches each step, that step's
 * classes are mostly loaded. Begun once SLF4J is initialised (see {@link BroadsideCommand#run}). A class-data-sharing archive would do this better, but {@code java -jar} cannot be given one.
 *
 * <p>Classes are loaded, not initialised: no static initialiser runs on this thread, so nothing happens in another
 * order than without it. A name that no longer exists is skipped; {@code bench/send-classes.sh} writes the list again.
 */
final class SendStartUp {
    static final String CLASS_LIST = "send.classes";

    private SendStartUp() {}

    /**
     * Starts the thread; it ends by itself and never delays the command or the JVM's exit.
     * {@code -Dbroadside.sendStartUp=off} leaves everything to the main thread, for measuring and for writing the list.
     */
    static void begin() {
        if ("off".equals(System.getProperty("broadside.sendStartUp"))) return;
        Thread t = new Thread(SendStartUp::run, "broadside-send-start-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            // Before the classes: CampaignSender.start waits for it (the method is synchronized), the classes it only finds loaded.
            JitPolicy.installOnce();
            ClassLoader loader = SendStartUp.class.getClassLoader();
            for (String name : classNames()) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // A class renamed since the list was written: the main thread loads what it needs itself.
                }
            }
        } catch (RuntimeException e) {
            // Only a head start: the command does the same work itself when it needs it.
        }
    }

    /** The listed class names: one per line, '#' starts a comment. */
    static List<String> classNames() {
        List<String> names = new ArrayList<>();
        try (InputStream in = SendStartUp.class.getResourceAsStream(CLASS_LIST)) {
            if (in == null) return names;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) names.add(name);
            }
        } catch (IOException e) {
            // No list, no head start.
        }
        return names;
    }
}
