package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.merge.TestRecipient.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldMergeTest {
    private static final FieldLookup ANN = TestRecipient.of("First Name", "Ann", "City", "Oslo", "Blank", "  ", "Empty", "");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Hello [First Name]!|Hello Ann!",
            "Hello [first name]!|Hello Ann!",
            "Hello [FIRST   NAME]!|Hello Ann!",
            "Hello [ First Name ]!|Hello Ann!",
            "[First Name] from [City]|Ann from Oslo",
    })
    void fieldNamesAreCaseInsensitiveAndMayContainSpaces(String source, String expected) {
        assertThat(text(source, ANN)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "Hi [Nickname|there];Hi there",
            "Hi [Empty|there];Hi there",
            "Hi [Blank|there];Hi there",
            "Hi [First Name|there];Hi Ann",
            "Hi [Nickname|dear | friend];Hi dear | friend",
            "Hi [Nickname|]!;Hi !",
    })
    void fallbackIsUsedWhenTheValueIsMissingEmptyOrBlank(String source, String expected) {
        assertThat(text(source, ANN)).isEqualTo(expected);
    }

    @Test
    void missingFieldWithoutFallbackRendersNothing() {
        assertThat(text("Hi [Nickname]!", ANN)).isEqualTo("Hi !");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "see note [1]",
            "tick [ ] here",
            "empty []",
            "price [$5]",
            "mail [a@b.c]",
            "open [ at end",
            "[First Name",
    })
    void bracketsThatCannotBeAFieldStayText(String source) {
        assertThat(text(source, ANN)).isEqualTo(source);
    }

    @Test
    void bracketWhoseNameCrossesALineBreakStaysText() {
        assertThat(text("line [First\nName]", ANN)).isEqualTo("line [First\nName]");
    }

    @Test
    void bracketBeforeAFieldStaysTextAndTheFieldIsMerged() {
        assertThat(text("[x [City]", ANN)).isEqualTo("[x Oslo");
    }

    @Test
    void doubleBracketFieldOutsideAConditionIsMergedLikeASingleBracketOne() {
        assertThat(text("Dear [[First Name]],", ANN)).isEqualTo("Dear Ann,");
    }

    @Test
    void textValuesGoInRaw() {
        assertThat(text("[Name]", TestRecipient.of("Name", "<b>Tom & \"Jerry\"</b>"))).isEqualTo("<b>Tom & \"Jerry\"</b>");
    }

    @Test
    void mergedValuesAreNeverParsedAsTemplateSyntax() {
        var recipient = TestRecipient.of("Name", "[City] <IF [[City]] = \"Oslo\">x</IF>", "City", "Oslo");
        assertThat(text("[Name]", recipient)).isEqualTo("[City] <IF [[City]] = \"Oslo\">x</IF>");
    }

    @Test
    void referencedFieldsListsNormalizedNamesFromFieldsAndConditionsOnce() throws Exception {
        var template = Template.compile("[First Name] <IF [[Gender]] = \"M\">[CITY]</IF> [first name]", TemplateMode.TEXT);
        assertThat(template.referencedFields()).containsExactly("first name", "gender", "city");
    }

    @Test
    void fieldReferencesCarryLineAndColumn() throws Exception {
        var template = Template.compile("Hello\n  [City] and <IF [[Age]] > \"3\">x</IF>", TemplateMode.TEXT);
        assertThat(template.fieldReferences()).containsExactly(
                new FieldReference("city", 2, 3), new FieldReference("age", 2, 18));
    }

    @Test
    void templateWithoutFieldsOrConditionsIsConstant() throws Exception {
        var template = Template.compile("Hello [1], all of you", TemplateMode.TEXT);
        assertThat(template.isConstant()).isTrue();
        assertThat(template.render(ANN)).isEqualTo("Hello [1], all of you");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Hello [City]",
            "<IF \"a\" = \"a\">yes</IF>",
    })
    void templateWithAFieldOrAConditionIsNotConstant(String source) throws Exception {
        assertThat(Template.compile(source, TemplateMode.TEXT).isConstant()).isFalse();
    }

    @Test
    void renderToAppendsToTheGivenBuilder() throws Exception {
        var out = new StringBuilder("> ");
        Template.compile("Hi [City]", TemplateMode.TEXT).renderTo(ANN, out);
        assertThat(out).hasToString("> Hi Oslo");
    }
}
