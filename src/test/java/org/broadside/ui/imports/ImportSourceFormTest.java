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
}
