package org.broadside.merge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a campaign's templates before sending: syntax errors and unknown fields are errors; with recipient data
 * it also warns how many recipients lack a field and how many a header would skip.
 */
public final class Preflight {
    private Preflight() {}

    /** templates: part name ("subject", "text", "html", "from", header names...) to its source and mode. */
    public static PreflightReport check(Map<String, TemplateSource> templates, Set<String> knownListFields) {
        return check(templates, knownListFields, List.of());
    }

    /** Like {@link #check(Map, Set)}, plus warnings from one pass over the recipients. */
    public static PreflightReport check(Map<String, TemplateSource> templates, Set<String> knownListFields,
                                        Iterable<FieldLookup> recipients) {
        List<PreflightIssue> issues = new ArrayList<>();
        Map<String, Template> compiled = new LinkedHashMap<>();
        Set<String> known = normalizedWithBuiltIns(knownListFields);
        templates.forEach((part, template) -> {
            try {
                Template t = Template.compile(template.source(), template.mode());
                compiled.put(part, t);
                issues.addAll(unknownFields(part, t, known));
            } catch (TemplateSyntaxException e) {
                issues.add(new PreflightIssue(Severity.ERROR, part, e.line(), e.column(), e.problem()));
            }
        });
        issues.addAll(new RecipientCheck(compiled, known).run(recipients));
        return new PreflightReport(issues);
    }

    /**
     * Per field used by the templates (built-ins excluded: the engine supplies them), how many recipients have no
     * value or a blank one. Fields come in order of first use; one pass over recipients, so a stream works.
     */
    public static Map<String, Long> missingFieldCounts(Collection<Template> templates, Iterable<FieldLookup> recipients) {
        Set<String> fields = new LinkedHashSet<>();
        templates.forEach(t -> fields.addAll(t.referencedFields()));
        fields.removeAll(FieldNames.BUILT_IN);
        return missingFieldCounts(fields, recipients);
    }

    /** How many recipients have no value, or a blank one, for each of the given normalized field names. */
    public static Map<String, Long> missingFieldCounts(Set<String> normalizedFields, Iterable<FieldLookup> recipients) {
        String[] fields = normalizedFields.toArray(String[]::new);
        long[] counts = new long[fields.length];
        for (FieldLookup recipient : recipients) {
            for (int i = 0; i < fields.length; i++) {
                String value = recipient.value(fields[i]);
                if (value == null || value.isBlank()) {
                    counts[i]++;
                }
            }
        }
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            result.put(fields[i], counts[i]);
        }
        return result;
    }

    private static Set<String> normalizedWithBuiltIns(Set<String> knownListFields) {
        Set<String> known = new HashSet<>(FieldNames.BUILT_IN);
        knownListFields.forEach(name -> known.add(FieldNames.normalize(name)));
        return known;
    }

    private static List<PreflightIssue> unknownFields(String part, Template template, Set<String> known) {
        List<PreflightIssue> issues = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (FieldReference ref : template.fieldReferences()) {
            if (!known.contains(ref.name()) && reported.add(ref.name())) {
                issues.add(new PreflightIssue(Severity.ERROR, part, ref.line(), ref.column(),
                        "unknown field [" + ref.name() + "]: not a column of the list nor a built-in field"));
            }
        }
        return issues;
    }
}
