package org.broadside.contacts.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcPropertyGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://h/db?sslfactory=org.example.Evil",
            "jdbc:postgresql://h/db?ssl=true&SOCKETFACTORY=x",
            "jdbc:postgresql://h/db?loggerFile=/etc/cron.d/x",
            "jdbc:mysql://h/db?allowLoadLocalInfile=true",
            "jdbc:mysql://(host=h,port=3306,autoDeserialize=true)/db",
            "jdbc:mysql://h/db?queryInterceptors=com.example.X",
            "jdbc:mysql://h/db?%61llowLoadLocalInfile=true",
            "jdbc:mysql://h/db?allowUrlInLocalInfile=true"})
    void refusesPropertiesThatLoadCodeOrReadLocalFiles(String url) {
        assertThatThrownBy(() -> JdbcPropertyGuard.check(url, Map.of())).isInstanceOf(ImportException.class)
                .hasMessageContaining("is refused");
    }

    @Test
    void refusesThemAsSeparateProperties() {
        assertThatThrownBy(() -> JdbcPropertyGuard.check("jdbc:mysql://h/db", Map.of("AutoDeserialize", "true")))
                .isInstanceOf(ImportException.class);
    }

    @Test
    void acceptsOrdinarySettings() {
        assertThatCode(() -> JdbcPropertyGuard.check("jdbc:postgresql://h:5432/db?sslmode=verify-full&ApplicationName=x", Map.of()))
                .doesNotThrowAnyException();
        assertThatCode(() -> JdbcPropertyGuard.check("jdbc:mysql://h/db?sslMode=REQUIRED&connectTimeout=5000", Map.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyPostgresqlAndMysqlUrlsAreAccepted() {
        assertThatThrownBy(() -> new JdbcSettings("jdbc:h2:mem:x", null, null, null, "t", null, 0).kind())
                .isInstanceOf(ImportException.class).hasMessageContaining("Only PostgreSQL");
    }

    @Test
    void tableNamesAreQuotedSoTheyCannotCarrySql() {
        JdbcSettings s = new JdbcSettings("jdbc:postgresql://h/db", null, null, null, "public.my \"table\"; DROP", null, 0);
        org.assertj.core.api.Assertions.assertThat(JdbcSource.sql(s, JdbcSettings.Kind.POSTGRESQL))
                .isEqualTo("SELECT * FROM \"public\".\"my \"\"table\"\"; DROP\"");
    }
}
