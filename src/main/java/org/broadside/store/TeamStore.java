package org.broadside.store;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a team store is: a PostgreSQL JDBC URL (user included, as {@code ?user=} or given apart) and its password,
 * which never travels in the URL. The URL is what the title bar, the logs and error messages show; the password is
 * only handed to the driver.
 *
 * @param url      {@code jdbc:postgresql://host[:port]/database[?parameters]}, without a password
 * @param user     the database user, or null when the URL names it (or the server needs none)
 * @param password the password, or null (trust or certificate authentication)
 */
public record TeamStore(String url, String user, String password) {
    public static final String URL_ENV = "BROADSIDE_STORE";
    public static final String PASSWORD_ENV = "BROADSIDE_STORE_PASSWORD";
    private static final String PREFIX = "jdbc:postgresql://";

    public TeamStore {
        url = validUrl(url);
        if (user != null && user.isBlank()) user = null;
    }

    /** The --store option, else {@value #URL_ENV}; the password from {@value #PASSWORD_ENV}. Empty when neither names a store. */
    public static Optional<TeamStore> fromOptions(String option, Map<String, String> env) {
        String url = option != null && !option.isBlank() ? option : env.get(URL_ENV);
        if (url == null || url.isBlank()) return Optional.empty();
        String password = env.get(PASSWORD_ENV);
        return Optional.of(new TeamStore(url.strip(), null, password == null || password.isEmpty() ? null : password));
    }

    /**
     * Checks the URL names a PostgreSQL database and carries no secret: a password in a URL ends up in shell history,
     * process lists and the title bar.
     */
    static String validUrl(String url) {
        if (url == null || url.isBlank()) throw new StoreException("No team store URL was given.");
        String u = url.strip();
        if (!u.startsWith(PREFIX)) {
            throw new StoreException("A team store is a PostgreSQL database: its URL starts with " + PREFIX
                    + " (for example jdbc:postgresql://db.example.org:5432/broadside?user=bs), not \"" + shortened(u) + "\".");
        }
        String query = u.indexOf('?') < 0 ? "" : u.substring(u.indexOf('?') + 1).toLowerCase(Locale.ROOT);
        for (String parameter : query.split("&")) {
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            if (name.equals("password") || name.equals("sslpassword")) {
                throw new StoreException("The team store URL must not carry a password (it would show in process lists,"
                        + " shell history and the title bar): remove \"" + name + "=\" from it and set "
                        + PASSWORD_ENV + ", or enter it in File > Open team store.");
            }
        }
        if (u.substring(PREFIX.length()).contains("@")) {
            throw new StoreException("The team store URL must not carry a user or password before the host: use ?user=NAME"
                    + " and " + PASSWORD_ENV + ".");
        }
        String rest = u.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1 || rest.charAt(slash + 1) == '?') {
            throw new StoreException("The team store URL names no database: write it as jdbc:postgresql://HOST[:PORT]/DATABASE, not \""
                    + shortened(u) + "\".");
        }
        return u;
    }

    /** "db.acme.example:5432/broadside": host, port and database, for the title bar and messages. */
    public String describe() {
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    /** The host the URL names (the first one of a multi-host URL). */
    public String host() {
        String where = describe();
        String first = where.substring(0, where.indexOf('/')).split(",")[0];
        try {
            String host = URI.create("//" + first).getHost();
            return host != null ? host : first;
        } catch (IllegalArgumentException e) {
            return first;
        }
    }

    private static String shortened(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "TeamStore[" + url + (user != null ? ", user=" + user : "") + (password != null ? ", password=***" : "") + "]";
    }
}
