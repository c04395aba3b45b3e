package org.broadside.ui.imports;

import org.broadside.contacts.imports.JdbcSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportSourceFormTest {
    private final ImportSourceForm form = new ImportSourceForm();

    @Test
    void aSavedDatabaseSourceHoldsTheConnectionButNeverThePassword() {
        form.kindProperty().set(ImportSourceForm.Kind.DATABASE);
        form.databaseProperty().set(JdbcSettings.Kind.MYSQL);
        form.hostProperty().set("db.example.com");
        form.databaseNameProperty().set("crm");
        form.userProperty().set("reader");
        form.passwordProperty().set("s3cret");
        form.tableProperty().set("customers");
        var config = form.config("Email=mail");
        assertThat(config.url()).isEqualTo("jdbc:mysql://db.example.com:3306/crm");
        assertThat(config.table()).isEqualTo("customers");
        assertThat(config.passwordEnv()).isNull();
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void aTableAndAQueryTogetherAreRefusedWithASentence() {
        form.kindProperty().set(ImportSourceForm.Kind.DATABASE);
        form.databaseNameProperty().set("crm");
        form.tableProperty().set("customers");
        form.queryProperty().set("SELECT email FROM customers");
        assertThatThrownBy(form::jdbc).hasMessageStartingWith("Give either a table or a query");
    }

    @Test
    void pastingAUrlFillsTheFields() {
        form.urlProperty().set("jdbc:postgresql://127.0.0.1:55432/crm?user=x");
        assertThat(form.databaseProperty().get()).isEqualTo(JdbcSettings.Kind.POSTGRESQL);
        assertThat(form.hostProperty().get()).isEqualTo("127.0.0.1");
        assertThat(form.portProperty().get()).isEqualTo("55432");
        assertThat(form.databaseNameProperty().get()).isEqualTo("crm");
        assertThat(form.userProperty().get()).isEqualTo("x");
        assertThat(form.urlProblemProperty().get()).isEmpty();
    }

    @Test
    void editingAFieldRebuildsTheUrl() {
        form.urlProperty().set("jdbc:mysql://db:3306/shop?sslMode=REQUIRED");
        form.hostProperty().set("db2.example.com");
        assertThat(form.urlProperty().get()).isEqualTo("jdbc:mysql://db2.example.com:3306/shop?sslMode=REQUIRED");
    }

    /** The reported mistake: the URL pasted into Host became jdbc:postgresql://jdbc:postgresql://... */
    @Test
    void aUrlPastedIntoHostIsMovedToTheUrlField() {
        form.kindProperty().set(ImportSourceForm.Kind.DATABASE);
        form.hostProperty().set("jdbc:postgresql://127.0.0.1:55432/crm");
        form.tableProperty().set("customers");
        assertThat(form.hostProperty().get()).isEqualTo("127.0.0.1");
        assertThat(form.jdbc().url()).isEqualTo("jdbc:postgresql://127.0.0.1:55432/crm");
    }

    @Test
    void aBadUrlIsReportedAndStopsTheConnection() {
        form.tableProperty().set("customers");
        form.urlProperty().set("jdbc:postgresql://h:port/crm");
        assertThat(form.urlProblemProperty().get()).contains("The port \"port\"");
        assertThatThrownBy(form::jdbc).hasMessageContaining("The port \"port\"");
    }

    @Test
    void aPasswordPastedInTheUrlGoesToThePasswordFieldAndLeavesTheUrl() {
        form.urlProperty().set("jdbc:postgresql://h:5432/crm?user=x&password=s3cret");
        assertThat(form.passwordProperty().get()).isEqualTo("s3cret");
        assertThat(form.urlProperty().get()).doesNotContain("s3cret");
    }
}
