package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.merge.TemplateMode.HEADER;
import static org.broadside.merge.TemplateMode.HTML;
import static org.broadside.merge.TemplateMode.TEXT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreflightTest {
    private static final Set<String> LIST_FIELDS = Set.of("First Name", "Gender", "Surname");

    private static Map<String, TemplateSource> parts(Object... partModeSource) {
        Map<String, TemplateSource> parts = new LinkedHashMap<>();
        for (int i = 0; i < partModeSource.length; i += 3) {
            parts.put((String) partModeSource[i], new TemplateSource((String) partModeSource[i + 2], (TemplateMode) partModeSource[i + 1]));
        }
        return parts;
    }

    @Test
    void cleanCampaignHasNoIssues() {
        var report = Preflight.check(parts("subject", HEADER, "Hi [first name]", "text", TEXT,
                "<IF [[Gender]] = \"M\">Mr [Surname]</IF> [Unsubscribe] [Email] [Date] [Campaign]"), LIST_FIELDS);
        assertThat(report.issues()).isEmpty();
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void eMailInAConditionIsTheAddressNotAnUnknownField() {
        var report = Preflight.check(parts("text", TEXT, "<IF [[E-mail]] ?# \".org\">non-profit</IF>"), LIST_FIELDS);
        assertThat(report.issues()).isEmpty();
        assertThat(TestRecipient.text("<IF [[E-mail]] ?# \".org\">non-profit</IF>", TestRecipient.of("Email", "a@b.org")))
                .isEqualTo("non-profit");
    }

    @Test
    void unknownFieldIsAnErrorAtItsFirstUse() {
        var report = Preflight.check(parts("text", TEXT, "Hello\n  [Frist Name], [frist name]"), LIST_FIELDS);
        assertThat(report.issues()).containsExactly(new PreflightIssue(Severity.ERROR, "text", 2, 3,
                "unknown field [frist name]: not a column of the list nor a built-in field", PreflightIssue.Kind.UNKNOWN_FIELD));
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void unknownFieldInAConditionIsAnError() {
        var report = Preflight.check(parts("html", HTML, "&lt;IF [[Sex]] = &quot;M&quot;&gt;x&lt;/IF&gt;"), LIST_FIELDS);
        assertThat(report.issues()).extracting(PreflightIssue::severity, PreflightIssue::part, PreflightIssue::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "html", 8));
    }

    @Test
    void syntaxErrorIsReportedWithPartLineAndColumn() {
        var report = Preflight.check(parts("subject", HEADER, "Hi", "text", TEXT, "a\n<IF [[Gender]] = \"M\">x"), LIST_FIELDS);
        assertThat(report.issues()).containsExactly(
                new PreflightIssue(Severity.ERROR, "text", 2, 1, "<IF is never closed by </IF>", PreflightIssue.Kind.SYNTAX));
    }

    @Test
    void knownListFieldsAreMatchedWhateverTheirSpelling() {
        var report = Preflight.check(parts("text", TEXT, "[ZIP  code]"), Set.of("  zip Code "));
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void aFieldWrittenOnlyWhereItsConditionGuaranteesAValueIsNotReportedMissing() {
        List<FieldLookup> recipients = List.of(TestRecipient.of("Gender", "M", "Surname", ""), TestRecipient.of("Gender", "F", "Surname", "Doe"));
        var report = Preflight.check(parts("text", TEXT,
                "<IF [[Gender]] = \"M\" <AND> [[Surname]] <> \"\">Dear Mr. [Surname],<ELSE>Dear Friend,</IF>"), LIST_FIELDS, recipients);
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void aFieldWrittenInABranchTheRecipientGetsIsReportedWhenEmpty() {
        List<FieldLookup> recipients = List.of(TestRecipient.of("Gender", "M", "Surname", ""), TestRecipient.of("Gender", "F", "Surname", ""));
        var report = Preflight.check(parts("text", TEXT, "<IF [[Gender]] = \"M\">Dear Mr. [Surname],<ELSE>Hi</IF>"), LIST_FIELDS, recipients);
        assertThat(report.issues()).extracting(PreflightIssue::message, PreflightIssue::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1 recipient(s) have no value for [surname]", PreflightIssue.Kind.MISSING_VALUE));
    }

    @Test
    void aFieldWithAFallbackIsNeverEmptyForARecipient() {
        List<FieldLookup> recipients = List.of(TestRecipient.of("First Name", ""), TestRecipient.of());
        var report = Preflight.check(parts("subject", HEADER, "Hi [First Name|there]"), LIST_FIELDS, recipients);
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void aFieldUsedTwiceCountsEachRecipientOnce() {
        List<FieldLookup> recipients = List.of(TestRecipient.of("First Name", ""));
        var report = Preflight.check(parts("subject", HEADER, "[First Name]", "text", TEXT, "[First Name] [first name]"), LIST_FIELDS, recipients);
        assertThat(report.issues()).extracting(PreflightIssue::message)
                .containsExactly("1 recipient(s) have no value for [first name]");
    }

    @Test
    void anUnknownFieldWithAFallbackEverywhereIsAWarningNotAnError() {
        var report = Preflight.check(parts("text", TEXT, "Hello [Nickname|friend], [nickname|you]"), LIST_FIELDS);
        assertThat(report.issues()).containsExactly(new PreflightIssue(Severity.WARNING, "text", 1, 7,
                "[nickname] is not a column of the list: every recipient gets its fallback text", PreflightIssue.Kind.UNKNOWN_FIELD));
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void anUnknownFieldUsedOnceWithoutAFallbackIsStillAnError() {
        var report = Preflight.check(parts("text", TEXT, "Hello [Nickname|friend], [nickname]"), LIST_FIELDS);
        assertThat(report.issues()).extracting(PreflightIssue::severity).containsExactly(Severity.ERROR);
    }

    @Test
    void anUnsafeHeaderValueInABranchNotTakenSkipsNobody() {
        List<FieldLookup> recipients = List.of(TestRecipient.of("Gender", "F", "Surname", "x\r\nBcc: y"));
        var report = Preflight.check(parts("subject", HEADER, "<IF [[Gender]] = \"M\">Mr [Surname]</IF>"), LIST_FIELDS, recipients);
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void recipientsLackingAFieldAreAWarning() {
        List<FieldLookup> recipients = List.of(TestRecipient.of("First Name", "Ann"), TestRecipient.of());
        var report = Preflight.check(parts("text", TEXT, "Hi [First Name]"), LIST_FIELDS, recipients);
        assertThat(report.issues()).containsExactly(new PreflightIssue(Severity.WARNING, "text", 1, 4,
                "1 recipient(s) have no value for [first name]", PreflightIssue.Kind.MISSING_VALUE));
        assertThat(report.hasErrors()).isFalse();
    }

    @Test
    void recipientsWhoseHeaderValueIsUnsafeAreAWarning() {
        List<FieldLookup> recipients = List.of(TestRecipient.of("Surname", "Smith"), TestRecipient.of("Surname", "x\r\nBcc: y"));
        var report = Preflight.check(parts("subject", HEADER, "Dear [Surname]", "text", TEXT, "[Surname]"), LIST_FIELDS, recipients);
        assertThat(report.issues()).containsExactly(new PreflightIssue(Severity.WARNING, "subject", 1, 6,
                "1 recipient(s) will be skipped: their [surname] holds a line break or control character, which cannot go into a header", PreflightIssue.Kind.UNSAFE_HEADER));
    }

    @Test
    void unsafeValueOutsideHeadersIsNoWarning() {
        List<FieldLookup> recipients = List.of(TestRecipient.of("Surname", "x\r\ny"));
        var report = Preflight.check(parts("text", TEXT, "[Surname]"), LIST_FIELDS, recipients);
        assertThat(report.issues()).isEmpty();
    }
}
