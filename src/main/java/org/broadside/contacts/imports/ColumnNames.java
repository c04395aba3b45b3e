package org.broadside.contacts.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Cleans up header names and recognises the column that holds the address ("Email", "E-mail", "email address"...). */
public final class ColumnNames {
    private static final Set<String> EMAIL_NAMES = Set.of("email", "emails", "mail", "emailaddress", "mailaddress",
            "emailaddr", "courriel", "adressemail", "adresseemail", "adressecourriel", "correo", "correoelectronico",
            "emailadresse", "mailadresse", "indirizzoemail", "primaryemail", "emailprimary", "workemail", "smtpaddress",
            "emailid");

    private ColumnNames() {}

    public static boolean isEmailName(String column) {
        String n = column.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        n = n.replace("é", "e").replace("è", "e");
        return EMAIL_NAMES.contains(n);
    }

    /** Index of the address column by name, or -1. */
    public static int emailColumn(List<String> columns) {
        for (int i = 0; i < columns.size(); i++) if (isEmailName(columns.get(i))) return i;
        return -1;
    }

    /** Blank names become "Column N" and repeated names get " (2)", " (3)"... so every field name is unique. */
    public static List<String> unique(List<String> raw) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.get(i) == null ? "" : raw.get(i).strip();
            if (name.isEmpty()) name = "Column " + (i + 1);
            String candidate = name;
            for (int n = 2; !seen.add(candidate.toLowerCase(Locale.ROOT)); n++) candidate = name + " (" + n + ")";
            out.add(candidate);
        }
        return out;
    }
}
