package org.broadside.compose;

import org.broadside.contacts.Contact;
import org.broadside.contacts.ContactLookup;
import org.broadside.merge.Condition;
import org.broadside.merge.FieldLookup;
import org.broadside.merge.TemplateSyntaxException;

/**
 * A campaign's filter: a merge-language condition, the language of IF tags, parsed by the merge parser. The contacts
 * repository runs it in SQL; {@link Condition#test} with {@link #lookup} runs it in memory with the same meaning.
 */
public final class ContactFilters {
    private ContactFilters() {}

    /** The parsed filter; an error names the problem as the campaign's checks show it. */
    public static Condition compile(String condition) throws ComposeException {
        try {
            return Condition.parse(condition);
        } catch (TemplateSyntaxException e) {
            throw new ComposeException("the filter has an error: " + e.problem(), e);
        }
    }

    /** The filter, or null (everyone) when the campaign has none. */
    public static Condition compileOrNull(String condition) throws ComposeException {
        return condition == null || condition.isBlank() ? null : compile(condition);
    }

    /** A contact's fields under their normalized names, with [Email]: what conditions and the preflight read. */
    static FieldLookup lookup(Contact contact) {
        return ContactLookup.of(contact);
    }
}
