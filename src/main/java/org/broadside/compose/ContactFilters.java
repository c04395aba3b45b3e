package org.broadside.compose;

import org.broadside.contacts.Contact;
import org.broadside.merge.FieldLookup;
import org.broadside.merge.FieldNames;
import org.broadside.merge.Template;
import org.broadside.merge.TemplateMode;
import org.broadside.merge.TemplateSyntaxException;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A campaign's filter, which is a merge-language condition, evaluated in memory over contacts. Compiling it as
 * the condition of an IF keeps one definition of the operators for templates and filters.
 */
public final class ContactFilters {
    private static final String MATCH = "\u0001";

    private ContactFilters() {}

    public static Predicate<Contact> compile(String condition) throws ComposeException {
        Template t;
        try {
            t = Template.compile("<IF " + condition.strip() + ">" + MATCH + "</IF>", TemplateMode.TEXT);
        } catch (TemplateSyntaxException e) {
            // Positions are in the wrapped text: "<IF " adds four columns on the first line.
            int column = e.line() == 1 ? Math.max(1, e.column() - 4) : e.column();
            throw new ComposeException("the filter has an error at line " + e.line() + ", column " + column + ": " + e.problem(), e);
        }
        return contact -> MATCH.equals(t.render(lookup(contact)));
    }

    /** A contact's fields under their normalized names, with [Email]: what conditions and the preflight read. */
    static FieldLookup lookup(Contact contact) {
        Map<String, String> m = new HashMap<>();
        contact.fields().forEach((k, v) -> m.put(FieldNames.normalize(k), v));
        m.put("email", contact.email());
        return m::get;
    }
}
