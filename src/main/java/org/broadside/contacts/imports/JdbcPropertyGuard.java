package org.broadside.contacts.imports;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses connection settings that make the JDBC driver load classes, deserialize server data, write log files,
 * or let the server read the user's local files (pgjdbc socketFactory/sslfactory, MySQL allowLoadLocalInfile,
 * autoDeserialize...). A URL pasted from elsewhere, or a saved source edited by someone else, must not be able
 * to run code or exfiltrate files from the user's machine.
 */
public final class JdbcPropertyGuard {
    static final List<String> POSTGRESQL = List.of("socketFactory", "socketFactoryArg", "sslfactory", "sslfactoryarg",
            "sslhostnameverifier", "sslpasswordcallback", "authenticationPluginClassName", "loggerFile", "loggerLevel",
            "jaasApplicationName", "sspiServiceClass", "gsslib");
    static final List<String> MYSQL = List.of("allowLoadLocalInfile", "allowLoadLocalInfileInPath", "allowUrlInLocalInfile",
            "autoDeserialize", "socketFactory", "queryInterceptors", "statementInterceptors", "exceptionInterceptors",
            "connectionLifecycleInterceptors", "authenticationPlugins", "defaultAuthenticationPlugin", "clientInfoProvider",
            "propertiesTransform", "loadBalanceStrategy", "ha.loadBalanceStrategy", "loadBalanceExceptionChecker",
            "serverConfigCacheFactory", "logger", "profilerEventHandler", "useConfigs", "allowMultiQueries",
            "trustCertificateKeyStoreUrl", "clientCertificateKeyStoreUrl", "fallbackToSystemKeyStore");

    static final List<String> SQLITE = List.of("enable_load_extension");

    private JdbcPropertyGuard() {}

    /** Throws {@link ImportException} naming the first refused property found in the URL or the extra properties. */
    public static void check(String url, Map<String, String> properties) {
        String decoded = URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        for (String name : refused(url)) {
            Pattern p = Pattern.compile("(^|[?&;(,\\s])" + Pattern.quote(name) + "\\s*=", Pattern.CASE_INSENSITIVE);
            if (p.matcher(decoded).find()) throw refusal(name);
            for (String key : properties.keySet()) if (key.strip().equalsIgnoreCase(name)) throw refusal(name);
        }
    }

    private static List<String> refused(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        if (u.startsWith("jdbc:sqlite:")) return SQLITE;
        return MYSQL;
    }

    private static ImportException refusal(String name) {
        return new ImportException("The connection property " + name + " is refused because it would let the database"
                + " connection load code or read local files; remove it from the URL.");
    }
}
