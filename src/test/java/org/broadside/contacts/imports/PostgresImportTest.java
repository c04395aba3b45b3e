package org.broadside.contacts.imports;

import org.broadside.testing.RootlessPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.support.TestStores;
import org.broadside.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports from a real PostgreSQL started by the test on loopback (as an unprivileged user when run as root). */
class PostgresImportTest {
    private static EmbeddedPostgres postgres;
    private static String url;
    private Database db;

    @BeforeAll
    static void startServer() throws Exception {
        postgres = RootlessPostgres.start();
        url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/crm";
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE crm");
            s.execute("CREATE ROLE reader LOGIN PASSWORD 'right-password'");
            requirePasswords(s);
        }
        try (Connection c = postgres.getDatabase("postgres", "crm").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id serial, email text, first_name text, city text, orders integer, "
                    + "balance numeric(10,2), since date, last_seen timestamp, vip boolean)");
            s.execute("INSERT INTO customers(email, first_name, city, orders, balance, since, last_seen, vip) VALUES "
                    + "('anna@example.com', 'Anna', 'Zürich', 3, 12.50, '2021-03-04', '2024-01-02 03:04:05', true),"
                    + "('BJÖRN@Example.com', 'Björn', 'Malmö', 0, 0, NULL, NULL, false),"
                    + "('chloé@exämple.fr', '伊藤', NULL, NULL, NULL, NULL, NULL, NULL),"
                    + "('not an address', 'Bad', 'Nowhere', 1, 1, NULL, NULL, NULL),"
                    + "('anna@example.com', 'Anna again', 'Bern', 1, 1, NULL, NULL, NULL)");
            s.execute("CREATE TABLE big AS SELECT 'user' || g || '@example.org' AS email, 'Name ' || g AS name, "
                    + "g % 100 AS score FROM generate_series(1, 100000) AS g");
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
        }
    }

    /** zonky's initdb trusts every local connection; make the test role prove its password like a real server would. */
    private static void requirePasswords(Statement s) throws Exception {
        java.nio.file.Path hba;
        try (var rs = s.executeQuery("SHOW hba_file")) {
            rs.next();
            hba = java.nio.file.Path.of(rs.getString(1));
        }
        java.nio.file.Files.writeString(hba, "local all all trust\n"
                + "host all postgres 127.0.0.1/32 trust\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n");
        s.execute("SELECT pg_reload_conf()");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (postgres != null) postgres.close();
    }

    @BeforeEach
    void store() {
        db = TestStores.fresh();
    }

    private ImportReport importTable(String list, JdbcSettings settings, String mapping) {
        try (JdbcSource source = JdbcSource.open(settings)) {
            return new ContactImporter(db).importInto(list, source, ColumnMapping.parse(mapping, source.columns()),
                    ImportOptions.defaults(), ImportProgress.NONE);
        }
    }

    private static JdbcSettings table(String table) {
        return new JdbcSettings(url, "reader", "right-password", null, table, null, 30);
    }

    @Test
    void importsATableWithTypesNullsAndNonAsciiText() {
        ImportReport report = importTable("Customers", table("customers"), null);

        assertThat(report.read()).isEqualTo(5);
        assertThat(report.added()).isEqualTo(3);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
        ContactRepository repo = new ContactRepository(db);
        ContactList list = repo.requireList("Customers");
        assertThat(list.fields()).containsExactly("id", "first_name", "city", "orders", "balance", "since", "last_seen", "vip");
        Contact anna = repo.find(list.id(), "ANNA@example.com").orElseThrow();
        assertThat(anna.fields()).containsEntry("city", "Zürich").containsEntry("balance", "12.50")
                .containsEntry("since", "2021-03-04").containsEntry("last_seen", "2024-01-02 03:04:05")
                .containsEntry("vip", "true").containsEntry("orders", "3");
        Contact chloe = repo.find(list.id(), "chloé@xn--exmple-cua.fr").orElseThrow();
        assertThat(chloe.email()).isEqualTo("chloé@exämple.fr");
        assertThat(chloe.fields()).containsEntry("first_name", "伊藤").containsEntry("city", "").containsEntry("since", "");
    }

    @Test
    void importsAQueryWithAMapping() {
        JdbcSettings query = new JdbcSettings(url, "reader", "right-password", null, null,
                "SELECT email AS mail, upper(first_name) AS fn FROM customers WHERE orders > 0;", 30);

        ImportReport report = importTable("Buyers", query, "Email=mail,First Name=fn");

        assertThat(report.added()).isEqualTo(1);
        ContactRepository repo = new ContactRepository(db);
        ContactList list = repo.requireList("Buyers");
        assertThat(list.fields()).containsExactly("First Name");
        assertThat(repo.find(list.id(), "anna@example.com").orElseThrow().fields()).isEqualTo(Map.of("First Name", "ANNA"));
    }

    @Test
    void wrongPasswordIsOneSentenceAndWritesNothing() {
        JdbcSettings wrong = new JdbcSettings(url, "reader", "wrong", null, "customers", null, 30);

        assertThatThrownBy(() -> importTable("Customers", wrong, null)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("The database refused the user name or password");
        assertThat(new ContactRepository(db).lists()).isEmpty();
    }

    @Test
    void badSqlIsExplained() {
        JdbcSettings bad = new JdbcSettings(url, "reader", "right-password", null, null, "SELEC email FROM customers", 30);

        assertThatThrownBy(() -> importTable("X", bad, null)).isInstanceOf(ImportException.class)
                .hasMessageContaining("could not run the query");
    }

    @Test
    void theTransactionIsReadOnly() {
        JdbcSettings write = new JdbcSettings(url, "postgres", null, null, null,
                "WITH d AS (DELETE FROM customers RETURNING email) SELECT email FROM d", 30);

        assertThatThrownBy(() -> importTable("X", write, null)).isInstanceOf(ImportException.class)
                .hasMessageContaining("read-only");
    }

    @Test
    void aSocketFactoryPropertyIsRefusedBeforeConnecting() {
        JdbcSettings evil = new JdbcSettings(url + "?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext"
                + "&socketFactoryArg=http://127.0.0.1:1/x.xml", "reader", "right-password", null, "customers", null, 30);

        assertThatThrownBy(() -> JdbcSource.open(evil)).isInstanceOf(ImportException.class)
                .hasMessageContaining("socketFactory is refused");
    }

    @Test
    void previewShowsTheFirstFiftyRows() {
        JdbcSource.Preview preview = JdbcSource.preview(table("big"), 50);

        assertThat(preview.columns()).containsExactly("email", "name", "score");
        assertThat(preview.rows()).hasSize(50);
        assertThat(preview.rows().get(0)).containsExactly("user1@example.org", "Name 1", "1");
    }

    @Test
    void streamsAHundredThousandRows() {
        ImportReport report = importTable("Big", table("big"), null);

        assertThat(report.added()).isEqualTo(100_000);
        assertThat(new ContactRepository(db).count(new ContactRepository(db).requireList("Big").id())).isEqualTo(100_000);
    }

    @Test
    void refreshingASavedSourceUpdatesChangedRowsAndCanRemoveMissingOnes() throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "crm").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE members AS SELECT email, first_name FROM customers WHERE orders IS NOT NULL AND email LIKE '%@%'");
            s.execute("GRANT SELECT ON members TO reader");
        }
        SourceConfig config = SourceConfig.jdbc(url, "reader", "PG_PASSWORD", null, "members", null, null);
        SourceRunner runner = new SourceRunner(db, Map.of("PG_PASSWORD", "right-password"));
        ImportReport first = runner.run("Members", config, ImportOptions.defaults(), ImportProgress.NONE);
        assertThat(first.added()).isEqualTo(2);
        try (Connection c = postgres.getDatabase("postgres", "crm").getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE members SET first_name = 'Annie' WHERE email = 'anna@example.com'");
            s.execute("DELETE FROM members WHERE email LIKE 'BJ%'");
            s.execute("INSERT INTO members VALUES ('new@example.com', 'New')");
        }

        ImportReport refresh = runner.run("Members", config, new ImportOptions(true, true), ImportProgress.NONE);

        assertThat(refresh.added()).isEqualTo(1);
        assertThat(refresh.updated()).isEqualTo(1);
        assertThat(refresh.unchanged()).isEqualTo(0);
        assertThat(refresh.removed()).isEqualTo(1);
        ContactRepository repo = new ContactRepository(db);
        long id = repo.requireList("Members").id();
        assertThat(repo.find(id, "anna@example.com").orElseThrow().fields()).containsEntry("first_name", "Annie");
        assertThat(repo.find(id, "björn@example.com")).isEmpty();
    }

    @Test
    void savedDatabaseSourceKeepsItsPasswordInTheCredentialStoreAndRefreshesWithoutIt() throws Exception {
        java.nio.file.Path data = org.broadside.testing.TempDirs.create("pgsaved");
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of(
                "BROADSIDE_CREDENTIALS", "file", "BROADSIDE_PASSPHRASE", "a passphrase", "CRM_PW", "right-password"));
        java.io.StringWriter out = new java.io.StringWriter();
        java.util.function.Function<String[], Integer> cli = args -> {
            org.broadside.cli.Environment.use(() -> env);
            try {
                return org.broadside.cli.BroadsideCommand.newCommandLine(new java.io.PrintWriter(out, true), new java.io.PrintWriter(out, true))
                        .execute(java.util.stream.Stream.concat(java.util.stream.Stream.of("--data", data.toString()), java.util.stream.Stream.of(args))
                                .toArray(String[]::new));
            } finally {
                org.broadside.cli.Environment.reset();
            }
        };
        assertThat(cli.apply(new String[] {"list", "import", "Crm", "--jdbc", url, "--user", "reader", "--password-env", "CRM_PW",
                "--table", "customers", "--save-source", "crm"})).as(out.toString()).isZero();
        assertThat(out.toString()).contains("password is kept in");
        env.remove("CRM_PW");
        assertThat(cli.apply(new String[] {"list", "refresh", "Crm"})).as(out.toString()).isZero();
        try (var files = java.nio.file.Files.walk(data)) {
            for (java.nio.file.Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain("right-password");
            }
        }
    }
}
