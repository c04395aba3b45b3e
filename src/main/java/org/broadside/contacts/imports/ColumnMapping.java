package org.broadside.contacts.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which source column fills Email and which fills each list field. Without an explicit mapping every column
 * becomes the field of the same name and the column named like an address ("E-mail", "email address") becomes Email.
 */
public record ColumnMapping(int emailColumn, Map<String, Integer> fieldColumns) {
    private static final int MAX_LISTED_COLUMNS = 20;

    public ColumnMapping {
        fieldColumns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldColumns));
    }

    public List<String> fieldNames() { return new ArrayList<>(fieldColumns.keySet()); }

    /** Every column as its own field. */
    public static ColumnMapping automatic(List<String> columns) {
        int email = ColumnNames.emailColumn(columns);
        if (email < 0) throw noEmail(columns);
        Map<String, Integer> fields = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) if (i != email) fields.put(columns.get(i), i);
        return new ColumnMapping(email, fields);
    }

    /**
     * Parses "Field=column,Other Field=other column". Only mapped columns are imported; Email may be mapped too,
     * else it is recognised by name.
     */
    public static ColumnMapping parse(String spec, List<String> columns) {
        if (spec == null || spec.isBlank()) return automatic(columns);
        Map<String, Integer> fields = new LinkedHashMap<>();
        int email = -1;
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new ImportException("The mapping \"" + pair.strip() + "\" is not of the form field=column.");
            }
            String field = pair.substring(0, eq).strip();
            String column = pair.substring(eq + 1).strip();
            int index = indexOf(columns, column);
            if (index < 0) {
                throw new ImportException("The mapping names the column \"" + SafeText.of(column, 80)
                        + "\", which the source does not have (its columns are " + listed(columns) + ").");
            }
            if (field.equalsIgnoreCase("email") || field.equalsIgnoreCase("e-mail")) email = index;
            else if (fields.keySet().stream().anyMatch(f -> f.equalsIgnoreCase(field))) {
                throw new ImportException("The mapping fills the field \"" + SafeText.of(field, 80) + "\" twice.");
            } else fields.put(field, index);
        }
        if (email < 0) email = ColumnNames.emailColumn(columns);
        if (email < 0) throw noEmail(columns);
        return new ColumnMapping(email, fields);
    }

    private static int indexOf(List<String> columns, String name) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).equals(name)) return i;
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).equalsIgnoreCase(name)) return i;
        return -1;
    }

    private static ImportException noEmail(List<String> columns) {
        return new ImportException("No column holds the e-mail address (the columns are " + listed(columns)
                + "); name it with --map Email=COLUMN.");
    }

    /** Column names for a message: printable, each cut at 40 characters, at most 20 of them, since they come from the file. */
    static String listed(List<String> columns) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(columns.size(), MAX_LISTED_COLUMNS); i++) shown.add(SafeText.of(columns.get(i), 40));
        String text = String.join(", ", shown);
        if (columns.size() > MAX_LISTED_COLUMNS) text += String.format(" and %,d more", columns.size() - MAX_LISTED_COLUMNS);
        return text;
    }

    /** The mapping as "Field=column" text, for saving with an import source. */
    public String describe(List<String> columns) {
        StringBuilder sb = new StringBuilder("Email=" + columns.get(emailColumn));
        fieldColumns.forEach((f, i) -> sb.append(',').append(f).append('=').append(columns.get(i)));
        return sb.toString();
    }

}
