package org.broadside.cli;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.merge.Condition;
import org.broadside.merge.FieldNames;
import org.broadside.merge.TemplateSyntaxException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers the list commands share: finding a list and parsing a filter with user-facing errors. */
final class ListCommands {
    private ListCommands() {}

    static ContactList requireList(ContactRepository repo, String name) {
        return repo.findList(name).orElseThrow(() -> new UserInputException("There is no list named \"" + name
                + "\"; see the lists with: broadside list list"));
    }

    /**
     * The filter in the merge language, as a campaign's filter is written; null when none is given. A field the list
     * does not have would only ever compare as empty, so on the command line it is taken for a typo and refused.
     */
    static Condition filter(String expression, ContactList list) {
        if (expression == null) return null;
        Condition condition;
        try {
            condition = Condition.parse(expression);
        } catch (TemplateSyntaxException e) {
            throw new UserInputException("The filter is not valid: " + e.problem() + ".", e);
        }
        List<String> missing = condition.fieldsMissingFrom(list.fields());
        if (!missing.isEmpty()) {
            throw new UserInputException("The filter uses the field [" + asWritten(expression, missing.get(0)) + "], which this list does not have"
                    + (list.fields().isEmpty() ? "." : " (its fields are Email, " + String.join(", ", list.fields()) + ")."));
        }
        return condition;
    }

    /** The user's own spelling of a field the condition reads by its normalized name. */
    private static String asWritten(String expression, String normalizedName) {
        Matcher m = FIELD.matcher(expression);
        while (m.find()) {
            if (FieldNames.normalize(m.group(1)).equals(normalizedName)) return m.group(1).strip();
        }
        return normalizedName;
    }

    private static final Pattern FIELD = Pattern.compile("\\[\\[(.*?)]]");
}
