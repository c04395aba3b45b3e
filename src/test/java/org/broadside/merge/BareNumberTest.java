package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.merge.TestRecipient.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MaxBulk users type numbers without quotes: {@code <IF [[Score]] >= 10>} means what {@code >= "10"} means. */
class BareNumberTest {

    @ParameterizedTest(name = "score {0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "10|>=|10|yes", "9|>=|10|no", "9.5|<|10|yes", "100|>|20|yes",
            "-3|<|-2.5|yes", "-2|<|-2.5|no", "0.5|=|.5|yes", "2|=|+2|yes", "1|=|1.|yes",
            "-0|=|0|yes", "18|<>|18.0|no", "abc|=|10|no",
    })
    void aBareNumberIsTheSameConstantAsAQuotedOne(String score, String operator, String number, String expected) {
        String bare = "<IF [[Score]] " + operator + " " + number + ">yes<ELSE>no</IF>";
        String quoted = "<IF [[Score]] " + operator + " \"" + number + "\">yes<ELSE>no</IF>";
        assertThat(text(bare, TestRecipient.of("Score", score))).isEqualTo(expected);
        assertThat(text(quoted, TestRecipient.of("Score", score))).isEqualTo(expected);
    }

    @Test
    void aBareNumberMayTouchTheClosingBracket() {
        assertThat(text("<IF [[Score]] >=10>high</IF>", TestRecipient.of("Score", "12"))).isEqualTo("high");
    }

    @Test
    void aBareNumberMayStandOnTheLeft() {
        assertThat(text("<IF 10 <= [[Score]]>high</IF>", TestRecipient.of("Score", "12"))).isEqualTo("high");
    }

    @Test
    void bareNumbersJoinWithAndOr() {
        String source = "<IF [[Score]] >= 10 <AND> [[Score]] < 20 <OR> [[Score]] = -1>in<ELSE>out</IF>";
        assertThat(text(source, TestRecipient.of("Score", "15"))).isEqualTo("in");
        assertThat(text(source, TestRecipient.of("Score", "-1"))).isEqualTo("in");
        assertThat(text(source, TestRecipient.of("Score", "20"))).isEqualTo("out");
    }

    @Test
    void quotedValuesStillWork() {
        assertThat(text("<IF [[Gender]] = \"M\">Mr<ELSE>Ms</IF>", TestRecipient.of("Gender", "m"))).isEqualTo("Mr");
        assertThat(text("<IF [[Code]] = '007'>bond</IF>", TestRecipient.of("Code", "7"))).isEqualTo("bond");
    }

    @Test
    void aBareNumberWorksInEscapedHtml() {
        assertThat(TestRecipient.render("&lt;IF [[Score]]&nbsp;&gt;=&nbsp;10&gt;high&lt;/IF&gt;", TemplateMode.HTML,
                TestRecipient.of("Score", "11"))).isEqualTo("high");
    }

    @Test
    void aFilterTakesBareNumbersToo() throws TemplateSyntaxException {
        Condition adults = Condition.parse("[[Age]] >= 18");
        assertThat(adults.test(TestRecipient.of("Age", "18"))).isTrue();
        assertThat(adults.test(TestRecipient.of("Age", "9"))).isFalse();
    }

    @Test
    void aWordIsNotANumberAndStillNeedsQuotes() {
        assertThatThrownBy(() -> Condition.parse("[[Gender]] = M"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("expected a quoted value, a number or [[Field]]");
    }
}
