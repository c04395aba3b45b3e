package org.broadside.cli;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The process environment as commands see it; tests replace it so they can pass passwords and passphrases safely. */
public final class Environment {
    private static volatile Supplier<Map<String, String>> source = System::getenv;

    private Environment() {}

    public static Map<String, String> current() { return source.get(); }

    /** Replaces the environment for commands run afterwards (tests); {@link #reset()} restores the real one. */
    public static void use(Supplier<Map<String, String>> environment) { source = Objects.requireNonNull(environment); }

    public static void reset() { source = System::getenv; }

    /** The secret held by the variable that --password-env names; a missing or empty one is bad input. */
    static char[] secret(Map<String, String> env, String variable) {
        String value = env.get(variable);
        if (value == null || value.isEmpty())
            throw new UserInputException("The environment variable " + variable + " (named by --password-env) is not set or is empty.");
        return value.toCharArray();
    }
}
