package org.broadside.merge;

import java.util.HashMap;
import java.util.Map;

/** Builds a recipient from alternating raw names and values; names are normalized like the list would. */
final class TestRecipient {
    private TestRecipient() {}

    static FieldLookup of(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(FieldNames.normalize(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return values::get;
    }

    static String render(String source, TemplateMode mode, FieldLookup fields) {
        try {
            return Template.compile(source, mode).render(fields);
        } catch (TemplateSyntaxException e) {
            throw new AssertionError("unexpected syntax error: " + e.getMessage(), e);
        }
    }

    static String text(String source, FieldLookup fields) {
        return render(source, TemplateMode.TEXT, fields);
    }
}
