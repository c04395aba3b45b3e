package org.broadside.compose;

import org.broadside.merge.FieldLookup;
import org.broadside.merge.FieldNames;

import java.util.HashMap;
import java.util.Map;

/** One recipient's field values under their normalized names, plus the built-in fields. */
final class RecipientFields implements FieldLookup {
    private final Map<String, String> values;

    private RecipientFields(Map<String, String> values) {
        this.values = values;
    }

    static RecipientFields of(String email, Map<String, String> fields, BuiltIns builtIns, String unsubscribeUrl) {
        Map<String, String> v = new HashMap<>(fields.size() * 2 + 8);
        for (Map.Entry<String, String> e : fields.entrySet()) v.put(FieldNames.normalize(e.getKey()), e.getValue());
        // Built-ins win over list fields of the same name: [Email] is always the address being sent to.
        v.put("email", email);
        v.put("date", builtIns.date());
        v.put("campaign", builtIns.campaignName());
        v.put("unsubscribe", builtIns.unsubscribeLink(unsubscribeUrl));
        return new RecipientFields(v);
    }

    @Override
    public String value(String normalizedName) {
        return values.get(normalizedName);
    }
}
