package org.broadside.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A condition of the merge language, the one language of IF tags and of list filters: OR of AND-groups. MaxBulk has
 * no parentheses and AND binds tighter than OR, so "a AND b OR c" is the groups [a, b] and [c]. Evaluated here in
 * memory; the contacts repository compiles the same tree to SQL (and a test holds the two to the same answers).
 */
public final class Condition {
    private final Comparison[][] anyOf;

    Condition(Comparison[][] anyOf) {
        this.anyOf = anyOf;
    }

    /**
     * Parses a condition written on its own, as a campaign's or a list's filter is: {@code [[Country]] = "FR" <AND>
     * [[Age]] >= 18}. The same syntax as inside {@code <IF ...>}, without the tag around it.
     */
    public static Condition parse(String expression) throws TemplateSyntaxException {
        String source = expression == null ? "" : expression.strip();
        if (source.isEmpty()) {
            throw new TemplateSyntaxException(1, 1, "the condition is empty");
        }
        TextPositions positions = new TextPositions(source);
        return new ConditionParser(positions, new FieldReferences(positions)).parseAlone(new SourceCursor(source, false, 0));
    }

    /** True when the recipient passes. */
    public boolean test(FieldLookup fields) {
        for (Comparison[] allOf : anyOf) {
            if (allHold(allOf, fields)) {
                return true;
            }
        }
        return false;
    }

    /** The AND-groups, any one of which passing makes the condition pass. */
    public List<List<Comparison>> anyOf() {
        return Arrays.stream(anyOf).map(List::of).toList();
    }

    /** The normalized names of the fields the condition reads, in order of appearance. */
    public Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Comparison[] allOf : anyOf) {
            for (Comparison comparison : allOf) {
                for (Operand side : List.of(comparison.left(), comparison.right())) {
                    if (side instanceof Operand.Field field) {
                        names.add(field.name());
                    }
                }
            }
        }
        return names;
    }

    /**
     * The normalized names of the fields the condition reads that none of {@code listFields} is (the address, always
     * present, aside), in order of appearance: such a field compares as empty for every contact, most likely a typo.
     */
    public List<String> fieldsMissingFrom(Collection<String> listFields) {
        Set<String> known = new HashSet<>();
        for (String f : listFields) {
            known.add(FieldNames.normalize(f));
        }
        List<String> missing = new ArrayList<>();
        for (String name : fieldNames()) {
            if (!name.equals("email") && !known.contains(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static boolean allHold(Comparison[] allOf, FieldLookup fields) {
        for (Comparison comparison : allOf) {
            if (!comparison.test(fields)) {
                return false;
            }
        }
        return true;
    }
}
