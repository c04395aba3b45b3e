package org.broadside.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data half of preflight: one pass over the recipients counting who lacks a field and whose value
 * would make a header unsafe (that recipient is skipped at send time, so the user should know beforehand).
 */
final class RecipientCheck {
    private final Map<String, FieldReference> firstUse = new LinkedHashMap<>();
    private final Map<String, String> firstPart = new LinkedHashMap<>();
    private final List<HeaderUse> headerUses = new ArrayList<>();
    private final Set<String> headerFieldsSeen = new HashSet<>();

    RecipientCheck(Map<String, Template> compiled, Set<String> known) {
        compiled.forEach((part, template) -> {
            for (FieldReference ref : template.fieldReferences()) {
                // Built-ins come from the engine and unknown fields are already errors: neither is recipient data.
                if (FieldNames.BUILT_IN.contains(ref.name()) || !known.contains(ref.name())) {
                    continue;
                }
                if (firstUse.putIfAbsent(ref.name(), ref) == null) {
                    firstPart.put(ref.name(), part);
                }
                if (template.mode() == TemplateMode.HEADER && headerFieldsSeen.add(part + '\u0000' + ref.name())) {
                    headerUses.add(new HeaderUse(part, ref));
                }
            }
        });
    }

    List<PreflightIssue> run(Iterable<FieldLookup> recipients) {
        String[] fields = firstUse.keySet().toArray(String[]::new);
        long[] missing = new long[fields.length];
        long[] unsafe = new long[headerUses.size()];
        for (FieldLookup recipient : recipients) {
            for (int i = 0; i < fields.length; i++) {
                String value = recipient.value(fields[i]);
                if (value == null || value.isBlank()) {
                    missing[i]++;
                }
            }
            for (int i = 0; i < unsafe.length; i++) {
                String value = recipient.value(headerUses.get(i).ref.name());
                if (value != null && HeaderSafety.problem(value) != null) {
                    unsafe[i]++;
                }
            }
        }
        List<PreflightIssue> issues = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            if (missing[i] > 0) {
                FieldReference ref = firstUse.get(fields[i]);
                issues.add(new PreflightIssue(Severity.WARNING, firstPart.get(fields[i]), ref.line(), ref.column(),
                        missing[i] + " recipient(s) have no value for [" + fields[i] + "]"));
            }
        }
        for (int i = 0; i < unsafe.length; i++) {
            if (unsafe[i] > 0) {
                HeaderUse use = headerUses.get(i);
                issues.add(new PreflightIssue(Severity.WARNING, use.part, use.ref.line(), use.ref.column(),
                        unsafe[i] + " recipient(s) will be skipped: their [" + use.ref.name()
                                + "] holds a line break or control character, which cannot go into a header"));
            }
        }
        return issues;
    }

    private record HeaderUse(String part, FieldReference ref) {}
}
