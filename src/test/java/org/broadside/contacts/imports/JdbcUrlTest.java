package org.broadside.contacts.imports;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlTest {
    @Test
    void aPostgresqlUrlGivesHostPortDatabaseAndUser() {
        JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://127.0.0.1:55432/crm?user=x");
        assertThat(u.kind()).isEqualTo(JdbcSettings.Kind.POSTGRESQL);
        assertThat(u.host()).isEqualTo("127.0.0.1");
        assertThat(u.port()).isEqualTo(55432);
        assertThat(u.database()).isEqualTo("crm");
        assertThat(u.user()).isEqualTo("x");
        assertThat(u.format()).isEqualTo("jdbc:postgresql://127.0.0.1:55432/crm?user=x");
    }

    @Test
    void aMariadbUrlWithoutPortIsReadAsMysqlOnItsDefaultPort() {
        JdbcUrl u = JdbcUrl.parse("jdbc:mariadb://db.example.com/shop?sslMode=REQUIRED");
        assertThat(u.kind()).isEqualTo(JdbcSettings.Kind.MYSQL);
        assertThat(u.port()).isEqualTo(3306);
        assertThat(u.parameters()).isEqualTo(Map.of("sslMode", "REQUIRED"));
        assertThat(u.format()).isEqualTo("jdbc:mysql://db.example.com:3306/shop?sslMode=REQUIRED");
    }

    @Test
    void aPasswordInTheUrlIsSplitOffAndNeverFormattedBack() {
        JdbcUrl u = JdbcUrl.parse("jdbc:mysql://reader:s3cret@db:3307/crm");
        assertThat(u.user()).isEqualTo("reader");
        assertThat(u.password()).isEqualTo("s3cret");
        assertThat(u.format()).doesNotContain("s3cret");
    }

    @Test
    void aSqliteUrlIsAFilePath() {
        JdbcUrl u = JdbcUrl.parse("jdbc:sqlite:/home/me/crm.db");
        assertThat(u.kind()).isEqualTo(JdbcSettings.Kind.SQLITE);
        assertThat(u.database()).isEqualTo("/home/me/crm.db");
        assertThat(u.format()).isEqualTo("jdbc:sqlite:/home/me/crm.db");
    }

    @Test
    void anIpv6HostKeepsItsBrackets() {
        JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://[::1]:5433/crm");
        assertThat(u.host()).isEqualTo("[::1]");
        assertThat(u.port()).isEqualTo(5433);
    }

    @Test
    void badUrlsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> JdbcUrl.parse("postgresql://h/crm")).isInstanceOf(InvalidJdbcUrlException.class)
                .hasMessageContaining("starts with jdbc:");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:oracle:thin:@h:1521:orcl")).hasMessageContaining("\"oracle\"");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://h:54x/crm")).hasMessageContaining("The port \"54x\"");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql://h:5432/")).hasMessageContaining("names no database");
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:postgresql:crm")).hasMessageContaining("has no host");
    }
}
