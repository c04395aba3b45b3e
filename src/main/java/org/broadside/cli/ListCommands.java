package org.broadside.cli;

import org.broadside.contacts.ContactList;
import org.broadside.contacts.ContactRepository;
import org.broadside.contacts.FilterSyntaxException;
import org.broadside.contacts.ContactFilter;

/** Small helpers the list commands share: finding a list and parsing a filter with user-facing errors. */
final class ListCommands {
    private ListCommands() {}

    static ContactList requireList(ContactRepository repo, String name) {
        return repo.findList(name).orElseThrow(() -> new UserInputException("There is no list named \"" + name
                + "\"; see the lists with: broadside list list"));
    }

    static ContactFilter filter(String expression, ContactList list) {
        if (expression == null) return null;
        try {
            return ContactFilter.parse(expression, list.fields());
        } catch (FilterSyntaxException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
