package org.broadside.ui.imports;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One source column and the list field it goes to ("Email", a field name, or empty to leave it out). */
public final class MappingRow {
    private final int column;
    private final String columnName;
    private final String sample;
    private final StringProperty target = new SimpleStringProperty();

    MappingRow(int column, String columnName, String sample, String target) {
        this.column = column;
        this.columnName = columnName;
        this.sample = sample;
        this.target.set(target);
    }

    public int column() { return column; }
    public String columnName() { return columnName; }
    public String sample() { return sample; }
    public StringProperty targetProperty() { return target; }
    public String target() { return target.get() == null ? "" : target.get().strip(); }
}
