package org.broadside.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.management.ObjectName;

/**
 * Tells HotSpot's JIT to keep its optimising compiler (C2) for the byte loops of the send path and to compile the rest
 * of Broadside with C1 only (ADR 0007). A campaign of tens of thousands of messages is over in seconds; with C2 taking
 * every method of the send path, its queue held hundreds of them and the hottest loops waited seconds in it, running
 * in slow profiled code meanwhile, while C2 itself took a third of the process's CPU.
 *
 * <p>Installed once per JVM through the DiagnosticCommand MBean (what {@code jcmd PID Compiler.directives_add} uses),
 * so it needs no command-line flag. On a JVM without that command it does nothing: the send path only runs slower.
 * {@code -Dbroadside.jit=default} turns it off, for measuring.
 */
public final class JitPolicy {
    static final String DIRECTIVES = "jit-policy.directives";
    private static final Logger LOG = LoggerFactory.getLogger(JitPolicy.class);
    private static Boolean installed;

    private JitPolicy() {}

    /**
     * Starts {@link #installOnce()} on a thread of its own, for a command that has other work to do first: loading JMX
     * for the diagnostic command takes ~0.1 s, which then overlaps reading the store and the campaign. A later
     * {@code installOnce()} waits for it (the thread holds the lock), or installs itself if it comes first.
     */
    public static void startInstalling() {
        Thread t = new Thread(JitPolicy::installOnce, "broadside-jit-policy");
        t.setDaemon(true);
        t.start();
    }

    /** Installs the directives the first time it is called; later calls return the first call's outcome. */
    public static synchronized boolean installOnce() {
        if (installed == null) {
            installed = "default".equals(System.getProperty("broadside.jit")) ? Boolean.FALSE : install(directives());
        }
        return installed;
    }

    /** The directives shipped with Broadside (HotSpot's JSON dialect: comments and bare keys allowed). */
    static String directives() {
        try (InputStream in = JitPolicy.class.getResourceAsStream(DIRECTIVES)) {
            if (in == null) throw new IllegalStateException(DIRECTIVES + " is missing from the application");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIRECTIVES + ": " + e.getMessage(), e);
        }
    }

    /** Adds these directives to the JVM's stack; false (and a log line saying why) when the JVM refused them. */
    static boolean install(String directives) {
        Path file = null;
        try {
            // The command reads a file, not a string.
            file = Files.createTempFile("broadside-jit-", ".directives");
            Files.writeString(file, directives, StandardCharsets.UTF_8);
            String answer = diagnosticCommand("compilerDirectivesAdd", file.toString());
            // HotSpot answers "N compiler directives added" on success and describes the problem otherwise.
            boolean ok = answer != null && answer.contains("compiler directives added");
            if (!ok) LOG.warn("JIT directives refused: {}", answer);
            return ok;
        } catch (Exception | LinkageError e) {
            LOG.debug("JIT directives not installed (not a HotSpot JVM?)", e);
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of a few hundred bytes; the system cleans its temp folder
                }
            }
        }
    }

    /** Runs a HotSpot diagnostic command by its MBean operation name and returns its printed answer. */
    static String diagnosticCommand(String operation, String... arguments) throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
