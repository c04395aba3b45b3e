package org.broadside.contacts.imports;

/**
 * A re-runnable import source as saved with a list. Holds no secret: a database password is read at run time
 * from the environment variable named here.
 *
 * @param kind "file" or "jdbc"
 * @param mapping "Field=column,..." or null for the automatic mapping
 */
public record SourceConfig(String kind, String path, String format, String url, String user, String passwordEnv,
                           String sslMode, String table, String query, String mapping) {
    public static SourceConfig file(String path, String format, String mapping) {
        return new SourceConfig("file", path, format, null, null, null, null, null, null, mapping);
    }

    public static SourceConfig jdbc(String url, String user, String passwordEnv, String sslMode, String table, String query,
                                    String mapping) {
        return new SourceConfig("jdbc", null, null, url, user, passwordEnv, sslMode, table, query, mapping);
    }

    /** What the source reads, for listings: a file path, or the URL with its table or query. */
    public String describe() {
        if ("file".equals(kind)) return path;
        return url + (table != null ? " table " + table : " query " + query);
    }
}
