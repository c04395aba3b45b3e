package org.broadside.contacts.imports;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A database URL taken apart into the fields the import wizard shows, and built back from them. A pasted
 * "jdbc:postgresql://127.0.0.1:55432/crm?user=x" fills Database, Host, Port, Name and User; editing a field rebuilds
 * the URL. The password, if the URL holds one, is split off so it never travels inside a saved URL.
 *
 * @param host       empty for SQLite, whose "database" is a file path
 * @param port       0 for SQLite
 * @param parameters the URL's other query parameters, kept in order (the SSL mode, a time zone...)
 */
public record JdbcUrl(JdbcSettings.Kind kind, String host, int port, String database, String user, String password,
                      Map<String, String> parameters) {
    public JdbcUrl {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** A URL, as against a host name: what the wizard checks before taking text typed into Host as a host. */
    public static boolean looksLikeUrl(String text) {
        return text != null && text.strip().regionMatches(true, 0, "jdbc:", 0, 5);
    }

    /** The port a server of this kind listens on unless told otherwise. */
    public static int defaultPort(JdbcSettings.Kind kind) {
        return switch (kind) {
            case POSTGRESQL -> 5432;
            case MYSQL -> 3306;
            case SQLITE -> 0;
        };
    }

    /** Takes a URL apart; a bad one is refused with a sentence naming what is wrong. */
    public static JdbcUrl parse(String text) {
        String url = text == null ? "" : text.strip();
        if (url.isEmpty()) throw new InvalidJdbcUrlException("The database URL is empty.");
        if (!looksLikeUrl(url)) {
            throw new InvalidJdbcUrlException("A database URL starts with jdbc: (for example jdbc:postgresql://host:5432/name).");
        }
        String rest = url.substring(5);
        int colon = rest.indexOf(':');
        String product = (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
        JdbcSettings.Kind kind = switch (product) {
            case "postgresql" -> JdbcSettings.Kind.POSTGRESQL;
            case "mysql", "mariadb" -> JdbcSettings.Kind.MYSQL;
            case "sqlite" -> JdbcSettings.Kind.SQLITE;
            default -> throw new InvalidJdbcUrlException("Broadside reads PostgreSQL, MySQL, MariaDB and SQLite databases;"
                    + " this URL is for \"" + product + "\".");
        };
        String body = colon < 0 ? "" : rest.substring(colon + 1);
        if (kind == JdbcSettings.Kind.SQLITE) {
            String path = body.startsWith("file:") ? body.substring(5) : body;
            int q = path.indexOf('?');
            Map<String, String> params = q < 0 ? Map.of() : parameters(path.substring(q + 1));
            if (q >= 0) path = path.substring(0, q);
            if (path.isBlank()) throw new InvalidJdbcUrlException("The SQLite URL names no file (jdbc:sqlite:/path/to/file.db).");
            return new JdbcUrl(kind, "", 0, path, "", "", params);
        }
        if (!body.startsWith("//")) {
            throw new InvalidJdbcUrlException("The URL has no host: after jdbc:" + product + ": comes //host:port/name.");
        }
        body = body.substring(2);
        int q = body.indexOf('?');
        Map<String, String> params = new LinkedHashMap<>(q < 0 ? Map.of() : parameters(body.substring(q + 1)));
        if (q >= 0) body = body.substring(0, q);
        int slash = body.indexOf('/');
        String authority = slash < 0 ? body : body.substring(0, slash);
        String database = slash < 0 ? "" : body.substring(slash + 1);
        String user = params.remove("user");
        String password = params.remove("password");
        int at = authority.lastIndexOf('@');
        if (at >= 0) { // user:password@host, as MySQL accepts
            String login = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int c = login.indexOf(':');
            user = decode(c < 0 ? login : login.substring(0, c));
            if (c >= 0) password = decode(login.substring(c + 1));
        }
        String host;
        String portText = "";
        if (authority.startsWith("[")) { // an IPv6 address
            int close = authority.indexOf(']');
            if (close < 0) throw new InvalidJdbcUrlException("The host \"" + authority + "\" opens a [ but does not close it.");
            host = authority.substring(0, close + 1);
            if (authority.length() > close + 1 && authority.charAt(close + 1) == ':') portText = authority.substring(close + 2);
        } else {
            int c = authority.lastIndexOf(':');
            host = c < 0 ? authority : authority.substring(0, c);
            if (c >= 0) portText = authority.substring(c + 1);
        }
        if (host.isBlank()) throw new InvalidJdbcUrlException("The URL names no host after //.");
        if (host.contains(",")) throw new InvalidJdbcUrlException("The URL names several hosts; give one host.");
        int port = defaultPort(kind);
        if (!portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new InvalidJdbcUrlException("The port \"" + portText + "\" in the URL is not a number.");
            }
            if (port < 1 || port > 65535) throw new InvalidJdbcUrlException("The port " + port + " in the URL is not between 1 and 65535.");
        }
        if (database.isBlank()) throw new InvalidJdbcUrlException("The URL names no database: add /NAME after the host and port.");
        if (database.contains("/")) throw new InvalidJdbcUrlException("The database name \"" + database + "\" holds a /.");
        return new JdbcUrl(kind, host, port, decode(database), user, password, params);
    }

    /** The URL with its user but never its password (that goes to the driver apart, see {@link JdbcSettings}). */
    public String format() {
        StringBuilder sb = new StringBuilder("jdbc:");
        if (kind == JdbcSettings.Kind.SQLITE) {
            sb.append("sqlite:").append(database);
        } else {
            sb.append(kind == JdbcSettings.Kind.POSTGRESQL ? "postgresql" : "mysql").append("://").append(host);
            if (port > 0) sb.append(':').append(port);
            sb.append('/').append(database);
        }
        char sep = '?';
        if (!user.isEmpty() && kind != JdbcSettings.Kind.SQLITE) {
            sb.append(sep).append("user=").append(encode(user));
            sep = '&';
        }
        for (var e : parameters.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) { return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8); }

    private static String encode(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"); }
}
