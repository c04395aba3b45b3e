package org.broadside.diagnostics;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The technical account of an error, for "Copy details" and --verbose: the version, the exception's type and message,
 * its causes and its stack trace. Built from the exception alone, never from the environment or the store, so no
 * password or message body gets in unless some message quoted one (none of ours does).
 */
public final class ErrorDetails {
    private ErrorDetails() {}

    public static String of(Throwable error) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.println("Broadside " + version() + ", Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        Throwable cause = error.getCause();
        if (cause != null) {
            w.print("Cause chain: " + error.getClass().getName());
            for (int depth = 0; cause != null && depth < 20; cause = cause.getCause(), depth++) {
                w.print(" <- " + cause.getClass().getName());
            }
            w.println();
        }
        LogFile.current().ifPresent(p -> w.println("Log file: " + p));
        error.printStackTrace(w);
        w.flush();
        return text.toString();
    }

    /** The version from the jar's manifest, or "development build" when run from classes. */
    public static String version() {
        String v = ErrorDetails.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
