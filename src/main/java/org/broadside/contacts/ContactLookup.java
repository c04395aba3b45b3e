package org.broadside.contacts;

import org.broadside.merge.FieldLookup;
import org.broadside.merge.FieldNames;

import java.util.HashMap;
import java.util.Map;

/**
 * A contact's values as the merge language reads them: by field names normalized (case, and runs of spaces, do not
 * matter, so [[First Name]] reads a field stored as "First  Name"), the address as [[Email]]. When two stored names
 * normalize alike, the later one wins; {@link ConditionSql} reads fields by the same rule.
 */
public final class ContactLookup {
    private ContactLookup() {}

    /** The lookup of one contact. */
    public static FieldLookup of(Contact contact) {
        Map<String, String> values = new HashMap<>();
        contact.fields().forEach((name, value) -> values.put(FieldNames.normalize(name), value));
        values.put("email", contact.email());
        return values::get;
    }
}
