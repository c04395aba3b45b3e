package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeaderModeTest {

    private static Template subject(String source) throws TemplateSyntaxException {
        return Template.compile(source, TemplateMode.HEADER);
    }

    static Stream<Arguments> unsafeValues() {
        return Stream.of(
                Arguments.of("Ann\r\nBcc: victim@example.com", "contains a carriage return"),
                Arguments.of("Ann\nBcc: victim@example.com", "contains a line feed"),
                Arguments.of("Ann\u0000", "contains a NUL character"),
                Arguments.of("Ann\u001B[31m", "contains control character U+001B"),
                Arguments.of("Ann\u007F", "contains control character U+007F"),
                Arguments.of("Ann\u0085", "contains control character U+0085"),
                Arguments.of("Ann\u2028x", "contains control character U+2028"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unsafeValues")
    void valueThatCouldBreakTheHeaderIsRefusedNamingTheField(String value, String reason) throws Exception {
        var template = subject("Hello [First Name]");
        assertThatThrownBy(() -> template.render(TestRecipient.of("First Name", value)))
                .isInstanceOfSatisfying(UnsafeHeaderValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("first name");
                    assertThat(e.reason()).isEqualTo(reason);
                })
                .hasMessage("field \"first name\" " + reason);
    }

    @Test
    void tabAndOrdinaryUnicodeAreAllowed() throws Exception {
        assertThat(subject("Hi [Name]").render(TestRecipient.of("Name", "Zoë\tÅsa 😀"))).isEqualTo("Hi Zoë\tÅsa 😀");
    }

    @Test
    void unsafeFallbackIsRefusedToo() throws Exception {
        var template = subject("Hi [Name|x\u0001]");
        assertThatThrownBy(() -> template.render(TestRecipient.of()))
                .isInstanceOf(UnsafeHeaderValueException.class)
                .hasMessage("field \"name\" contains control character U+0001");
    }

    @Test
    void unsafeValueInAConditionOnlyMattersWhenMerged() throws Exception {
        var template = subject("<IF [[Note]] <> \"\">Note<ELSE>None</IF>");
        assertThat(template.render(TestRecipient.of("Note", "a\nb"))).isEqualTo("Note");
    }

    @Test
    void headerValuesAreNotHtmlEscaped() throws Exception {
        assertThat(subject("[Co]").render(TestRecipient.of("Co", "AT&T <x>"))).isEqualTo("AT&T <x>");
    }

    @Test
    void lineBreakInTheHeaderTemplateItselfIsASyntaxError() {
        assertThatThrownBy(() -> subject("Hello\nBcc: x@example.com"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(6);
                    assertThat(e.problem()).isEqualTo("header text contains a line feed");
                });
    }
}
