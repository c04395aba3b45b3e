package org.broadside.merge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects where fields are used while a template is parsed. */
final class FieldReferences {
    private final TextPositions positions;
    private final List<FieldReference> all = new ArrayList<>();
    private final Set<String> names = new LinkedHashSet<>();
    private final Set<String> needingAValue = new LinkedHashSet<>();

    FieldReferences(TextPositions positions) {
        this.positions = positions;
    }

    /** A use of name at offset; withFallback when it is [Name|fallback] with a non-blank fallback. */
    void add(String name, int offset, boolean withFallback) {
        all.add(new FieldReference(name, positions.line(offset), positions.column(offset)));
        names.add(name);
        if (!withFallback) needingAValue.add(name);
    }

    List<FieldReference> all() {
        return List.copyOf(all);
    }

    Set<String> needingAValue() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(needingAValue));
    }

    Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
