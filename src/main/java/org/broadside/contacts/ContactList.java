package org.broadside.contacts;

import java.util.List;

/** A named list with its own fields (besides Email, which every list has). */
public record ContactList(long id, String name, List<String> fields) {
    public ContactList {
        fields = List.copyOf(fields);
    }
}
