package org.broadside.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data half of preflight: one pass over the recipients, rendering each template's branches as the recipient
 * would get them (without writing any text), counting who would get an empty text where a field is written and
 * whose value would make a header unsafe (that recipient is skipped at send time, so the user should know
 * beforehand). A field inside {@code <IF [[Surname]] <> "">} is never empty where it is written, so it is not
 * reported, and neither is [Name|fallback].
 */
final class RecipientCheck {
    private final Map<String, Template> compiled;
    private final Set<String> known;
    /** Field name to its counter index, in order of first use; the first use is where a warning points. */
    private final Map<String, Integer> fieldIndex = new LinkedHashMap<>();
    private final List<FieldReference> firstUse = new ArrayList<>();
    private final List<String> firstPart = new ArrayList<>();
    /** "part NUL field" of header parts to their counter index. */
    private final Map<String, Integer> headerIndex = new LinkedHashMap<>();
    private final List<HeaderUse> headerUses = new ArrayList<>();

    RecipientCheck(Map<String, Template> compiled, Set<String> known) {
        this.compiled = compiled;
        this.known = known;
        compiled.forEach((part, template) -> {
            for (FieldReference ref : template.fieldReferences()) {
                if (!isRecipientData(ref.name())) continue;
                if (!fieldIndex.containsKey(ref.name())) {
                    fieldIndex.put(ref.name(), firstUse.size());
                    firstUse.add(ref);
                    firstPart.add(part);
                }
                String key = part + '\u0000' + ref.name();
                if (template.mode() == TemplateMode.HEADER && !headerIndex.containsKey(key)) {
                    headerIndex.put(key, headerUses.size());
                    headerUses.add(new HeaderUse(part, ref));
                }
            }
        });
    }

    /** Built-ins come from the engine and unknown fields are already reported: neither is recipient data. */
    private boolean isRecipientData(String name) {
        return !FieldNames.BUILT_IN.contains(name) && known.contains(name);
    }

    List<PreflightIssue> run(Iterable<FieldLookup> recipients) {
        long[] missing = new long[firstUse.size()];
        long[] unsafe = new long[headerUses.size()];
        long[] seenBy = new long[firstUse.size()];
        long recipientNumber = 0;
        for (FieldLookup recipient : recipients) {
            long number = ++recipientNumber;
            Set<Integer> unsafeSeen = new HashSet<>();
            compiled.forEach((part, template) -> template.visitRenderedFields(recipient, field -> {
                Integer i = fieldIndex.get(field.name());
                if (i == null) return;
                // Counted once per recipient, however often the field is written.
                if (seenBy[i] != number && field.rendersEmpty(recipient)) {
                    seenBy[i] = number;
                    missing[i]++;
                }
                if (template.mode() == TemplateMode.HEADER) {
                    String value = recipient.value(field.name());
                    Integer h = headerIndex.get(part + '\u0000' + field.name());
                    if (value != null && HeaderSafety.problem(value) != null && unsafeSeen.add(h)) {
                        unsafe[h]++;
                    }
                }
            }));
        }
        List<PreflightIssue> issues = new ArrayList<>();
        for (int i = 0; i < missing.length; i++) {
            if (missing[i] > 0) {
                FieldReference ref = firstUse.get(i);
                issues.add(new PreflightIssue(Severity.WARNING, firstPart.get(i), ref.line(), ref.column(),
                        missing[i] + " recipient(s) have no value for [" + ref.name() + "]", PreflightIssue.Kind.MISSING_VALUE));
            }
        }
        for (int i = 0; i < headerUses.size(); i++) {
            if (unsafe[i] == 0) continue;
            HeaderUse use = headerUses.get(i);
            FieldReference ref = use.ref();
            issues.add(new PreflightIssue(Severity.WARNING, use.part(), ref.line(), ref.column(),
                    unsafe[i] + " recipient(s) will be skipped: their [" + ref.name()
                            + "] holds a line break or control character, which cannot go into a header",
                    PreflightIssue.Kind.UNSAFE_HEADER));
        }
        return issues;
    }

    private record HeaderUse(String part, FieldReference ref) {}
}
