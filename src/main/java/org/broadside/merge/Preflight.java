package org.broadside.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
                issues.add(new PreflightIssue(Severity.ERROR, part, e.line(), e.column(), e.problem(), PreflightIssue.Kind.SYNTAX));
            }
        });
        issues.addAll(new RecipientCheck(compiled, known).run(recipients));
        return new PreflightReport(issues);
    }

    private static Set<String> normalizedWithBuiltIns(Set<String> knownListFields) {
        Set<String> known = new HashSet<>(FieldNames.BUILT_IN);
        knownListFields.forEach(name -> known.add(FieldNames.normalize(name)));
        return known;
    }

    /**
     * An unknown field is an error where a recipient would get nothing or a condition would test nothing; where it
     * is only ever used with a fallback ([Name|there]) the message still reads well, so it is a warning.
     */
    private static List<PreflightIssue> unknownFields(String part, Template template, Set<String> known) {
        List<PreflightIssue> issues = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (FieldReference ref : template.fieldReferences()) {
            if (!known.contains(ref.name()) && reported.add(ref.name())) {
                boolean fallbackOnly = !template.fieldsNeedingAValue().contains(ref.name());
                issues.add(fallbackOnly
                        ? new PreflightIssue(Severity.WARNING, part, ref.line(), ref.column(), "[" + ref.name()
                                + "] is not a column of the list: every recipient gets its fallback text", PreflightIssue.Kind.UNKNOWN_FIELD)
                        : new PreflightIssue(Severity.ERROR, part, ref.line(), ref.column(), "unknown field [" + ref.name()
                                + "]: not a column of the list nor a built-in field", PreflightIssue.Kind.UNKNOWN_FIELD));
            }
        }
        return issues;
    }
}
