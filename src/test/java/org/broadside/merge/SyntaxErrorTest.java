package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed conditions never compile; the error names the offending tag's 1-based line and column. */
class SyntaxErrorTest {

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("Hi\n  <IF [[A]] = \"1\">one", 2, 3, "<IF is never closed by </IF>"),
                Arguments.of("<IF [[A]] = \"1\">a <IF [[B]] = \"1\">b</IF>", 1, 1, "<IF is never closed by </IF>"),
                Arguments.of("<IF [[A]] = \"1\">a</IF> b <IF [[B]] = \"1\">b", 1, 26, "<IF is never closed by </IF>"),
                Arguments.of("text\nmore </IF>", 2, 6, "</IF> without an open <IF"),
                Arguments.of("x <ELSE>y", 1, 3, "<ELSE> without an open <IF"),
                Arguments.of("x <ELSEIF [[A]] = \"1\">y", 1, 3, "<ELSEIF without an open <IF"),
                Arguments.of("<IF [[A]] = \"1\">a<ELSE>b\n<ELSE>c</IF>", 2, 1, "second <ELSE> in the same <IF"),
                Arguments.of("<IF [[A]] = \"1\">a<ELSE>b<ELSEIF [[A]] = \"2\">c</IF>", 1, 25, "<ELSEIF after <ELSE> in the same <IF"),
                Arguments.of("ab <IF [[A]] = \"1>a</IF>", 1, 4, "missing closing quote"),
                Arguments.of("<IF [[A]] = \"1\nx\">a</IF>", 1, 1, "missing closing quote"),
                Arguments.of("<IF [[A]] == \"1\">a</IF>", 1, 1, "unknown operator '=='"),
                Arguments.of("<IF [[A]] => \"1\">a</IF>", 1, 1, "unknown operator '=>'"),
                Arguments.of("<IF [[A]] \"1\">a</IF>", 1, 1, "missing operator (=, <>, *, !*, #?, ?#, >, <, >=, <=)"),
                Arguments.of("<IF [[A]] = >a</IF>", 1, 1, "missing value after operator '='"),
                Arguments.of("<IF [[A]] <>>a</IF>", 1, 1, "missing value after operator '<>'"),
                Arguments.of("<IF [[A]] = M>a</IF>", 1, 1, "expected a quoted value, a number or [[Field]] after operator '='"),
                Arguments.of("<IF [[A]] = 10abc>a</IF>", 1, 1, "expected a quoted value, a number or [[Field]] after operator '='"),
                Arguments.of("<IF [[A]] = 1.2.3>a</IF>", 1, 1, "expected a quoted value, a number or [[Field]] after operator '='"),
                Arguments.of("<IF [[A]] = - 1>a</IF>", 1, 1, "expected a quoted value, a number or [[Field]] after operator '='"),
                Arguments.of("<IF [[A]] = \"1\" AND [[B]] = \"2\">a</IF>", 1, 1, "AND and OR are written <AND> and <OR> in <IF"),
                Arguments.of("<IF>a</IF>", 1, 1, "<IF has no condition"),
                Arguments.of("<IF [A] = \"1\">a</IF>", 1, 1, "a field in a condition takes double brackets: [[Field]]"),
                Arguments.of("<IF [[A] = \"1\">a</IF>", 1, 1, "field name is not closed by ]]"),
                Arguments.of("<IF [[1]] = \"1\">a</IF>", 1, 1, "invalid field name \"1\""),
                Arguments.of("<IF A = \"1\">a</IF>", 1, 1, "expected [[Field]], a quoted value or a number in <IF"),
                Arguments.of("<IF [[A]] = \"1\" [[B]] = \"2\">a</IF>", 1, 1, "expected <AND>, <OR> or '>' after a comparison in <IF"),
                Arguments.of("<IF [[A]] = \"1\" <AND>>a</IF>", 1, 1, "expected [[Field]], a quoted value or a number in <IF"),
                Arguments.of("<IF [[A]] = \"1\"", 1, 1, "<IF is not closed by '>'"),
                Arguments.of("<IF [[A]] = \"1\">a<ELSE b</IF>", 1, 18, "<ELSE must be closed by '>'"),
                Arguments.of("<IF [[A]] = \"1\">a</IF b", 1, 18, "</IF must be closed by '>'"),
                Arguments.of("x\r\ny\r\n  <AND> z", 3, 3, "<AND> and <OR> belong inside the condition of an <IF"),
                Arguments.of("<IF [[A]] = \"1\">a<ELSEIF>b</IF>", 1, 18, "<ELSEIF has no condition"));
    }

    @ParameterizedTest(name = "{3}: {0}")
    @MethodSource("malformed")
    void malformedTemplateIsRejectedAtTheOffendingTag(String source, int line, int column, String problem) {
        assertThatThrownBy(() -> Template.compile(source, TemplateMode.TEXT))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                });
    }

    @Test
    void escapedMalformedTagInHtmlIsRejectedAtItsAmpersand() {
        assertThatThrownBy(() -> Template.compile("<p>\n<b>&lt;IF [[A]] = &quot;1&gt;</b>", TemplateMode.HTML))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(4);
                });
    }

    @Test
    void escapedStrayEndIfInHtmlIsRejected() {
        assertThatThrownBy(() -> Template.compile("<p>bye&lt;/IF&gt;</p>", TemplateMode.HTML))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessage("line 1, column 7: </IF> without an open <IF");
    }

    @Test
    void messageCarriesLineColumnAndProblem() {
        assertThatThrownBy(() -> Template.compile("a\nb </IF>", TemplateMode.TEXT))
                .hasMessage("line 2, column 3: </IF> without an open <IF");
    }
}
