package org.broadside.compose.testsend;

import org.broadside.contacts.validation.EmailSyntax;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses a test goes to, as typed: separated by commas, semicolons or line breaks, each checked, repeats
 * dropped. {@code problems} names each unusable entry and why, so the user can correct exactly that one.
 */
public record TestAddresses(List<String> addresses, List<String> problems) {
    /** More than this many would be a send, not a test. */
    public static final int MAX = 20;

    public TestAddresses {
        addresses = List.copyOf(addresses);
        problems = List.copyOf(problems);
    }

    public static TestAddresses parse(String typed) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        if (typed != null) {
            for (String part : typed.split("[,;\\r\\n]+")) {
                String a = part.strip();
                if (a.isEmpty()) continue;
                String problem = EmailSyntax.problem(a);
                if (problem != null) problems.add("\"" + a + "\": " + problem);
                else seen.add(a);
            }
        }
        if (seen.size() > MAX) problems.add("at most " + MAX + " test addresses (" + seen.size() + " given)");
        return new TestAddresses(new ArrayList<>(seen), problems);
    }

    public boolean usable() { return problems.isEmpty() && !addresses.isEmpty(); }

    /** Why the entry cannot be used as it stands, in one sentence; null when it can. */
    public String problem() {
        if (!problems.isEmpty()) return "Check the test addresses: " + String.join("; ", problems) + ".";
        if (addresses.isEmpty()) return "Type at least one address to send the test to.";
        return null;
    }

    /** The addresses as the user would type them again. */
    public String joined() { return String.join(", ", addresses); }
}
