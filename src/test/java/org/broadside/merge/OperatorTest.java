package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.merge.TestRecipient.text;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operator, with the field value on the left and the constant on the right. */
class OperatorTest {

    static Stream<Arguments> numericComparisons() {
        return Stream.of(
                Arguments.of("18", "=", "18.0", true),
                Arguments.of("18", "=", "19", false),
                Arguments.of("18", "<>", "18.00", false),
                Arguments.of("18", "<>", "17", true),
                Arguments.of("9", ">", "10", false),   // as text "9" > "10"; as numbers it is not
                Arguments.of("10", ">", "9", true),
                Arguments.of("10", "<", "9", false),   // as text "10" < "9"
                Arguments.of("9", "<", "10", true),
                Arguments.of("-2.5", "<", "-2", true),
                Arguments.of("10", ">=", "10", true),
                Arguments.of("9", ">=", "10", false),
                Arguments.of("10", "<=", "10.0", true),
                Arguments.of("11", "<=", "9", false),
                Arguments.of(" 42 ", "=", "42", true));
    }

    @ParameterizedTest(name = "\"{0}\" {1} \"{2}\" is {3}")
    @MethodSource("numericComparisons")
    void comparesAsNumbersWhenBothSidesAreNumbers(String value, String operator, String constant, boolean expected) {
        assertThat(holds(value, operator, constant)).isEqualTo(expected);
    }

    static Stream<Arguments> textComparisons() {
        return Stream.of(
                Arguments.of("Paris", "=", "paris", true),
                Arguments.of("Paris", "=", "Pari", false),
                Arguments.of("Paris", "<>", "PARIS", false),
                Arguments.of("Paris", "<>", "Rome", true),
                Arguments.of("Paris", "*", "ARI", true),
                Arguments.of("Paris", "*", "rome", false),
                Arguments.of("Paris", "!*", "ari", false),
                Arguments.of("Paris", "!*", "rome", true),
                Arguments.of("Paris", "#?", "pa", true),
                Arguments.of("Paris", "#?", "ris", false),
                Arguments.of("Paris", "?#", "RIS", true),
                Arguments.of("Paris", "?#", "pa", false),
                Arguments.of("b", ">", "A", true),
                Arguments.of("a", ">", "B", false),
                Arguments.of("a", "<", "B", true),
                Arguments.of("b", "<", "A", false),
                Arguments.of("b", ">=", "B", true),
                Arguments.of("a", ">=", "b", false),
                Arguments.of("B", "<=", "b", true),
                Arguments.of("c", "<=", "b", false),
                Arguments.of("10", "=", "ten", false),
                Arguments.of("10", "<", "abc", true),   // one side is not a number: text order, '1' < 'a'
                Arguments.of("123", "#?", "12", true),  // contains-family operators always compare text
                Arguments.of("1e3", "=", "1000", false)); // exponents are text, not numbers
    }

    @ParameterizedTest(name = "\"{0}\" {1} \"{2}\" is {3}")
    @MethodSource("textComparisons")
    void comparesAsCaseInsensitiveTextOtherwise(String value, String operator, String constant, boolean expected) {
        assertThat(holds(value, operator, constant)).isEqualTo(expected);
    }

    @Test
    void missingFieldComparesAsEmptyText() {
        assertThat(text("<IF [[Nickname]] = \"\">none</IF>", TestRecipient.of())).isEqualTo("none");
    }

    @Test
    void fieldMayBeComparedWithAnotherField() {
        var recipient = TestRecipient.of("Spent", "120", "Budget", "99");
        assertThat(text("<IF [[Spent]] > [[Budget]]>over</IF>", recipient)).isEqualTo("over");
    }

    @Test
    void singleQuotesDelimitAValueLikeDoubleQuotes() {
        assertThat(text("<IF [[Gender]] = 'M'>Mr</IF>", TestRecipient.of("Gender", "m"))).isEqualTo("Mr");
    }

    private static boolean holds(String value, String operator, String constant) {
        String source = "<IF [[Value]] " + operator + " \"" + constant + "\">yes<ELSE>no</IF>";
        String rendered = text(source, TestRecipient.of("Value", value));
        assertThat(rendered).isIn("yes", "no");
        return rendered.equals("yes");
    }
}
