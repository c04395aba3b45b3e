package org.broadside.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One contact of a list: its address as written and its field values keyed by the list's field names.
 *
 * @param id 0 for a contact not stored yet
 */
public record Contact(long id, String email, Map<String, String> fields) {
    public Contact {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static Contact of(String email, Map<String, String> fields) { return new Contact(0, email, fields); }
}
