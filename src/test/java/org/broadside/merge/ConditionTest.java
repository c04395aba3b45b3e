package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.merge.TestRecipient.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {
    private static final String GREETING = "<IF [[Gender]] = \"M\" <AND> [[Surname]] <> \"\">Dear Mr. [Surname],"
            + "<ELSEIF [[Gender]] = \"F\" <AND> [[Surname]] <> \"\">Dear Mrs. [Surname],"
            + "<ELSE>Dear Friend,</IF>";

    @ParameterizedTest(name = "gender {0}, surname {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "M|Smith|Dear Mr. Smith,",
            "F|Smith|Dear Mrs. Smith,",
            "M|''|Dear Friend,",
            "X|Smith|Dear Friend,",
    })
    void maxBulkGreetingPicksTheFirstBranchThatHolds(String gender, String surname, String expected) {
        assertThat(text(GREETING, TestRecipient.of("Gender", gender, "Surname", surname))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a={0} b={1} c={2} -> {3}")
    @CsvSource({
            "1,1,0,yes", "0,0,1,yes", "1,0,0,no", "0,1,0,no", "0,0,0,no",
    })
    void andBindsTighterThanOr(String a, String b, String c, String expected) {
        String source = "<IF [[A]] = \"1\" <AND> [[B]] = \"1\" <OR> [[C]] = \"1\">yes<ELSE>no</IF>";
        assertThat(text(source, TestRecipient.of("A", a, "B", b, "C", c))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a={0} b={1} c={2} -> {3}")
    @CsvSource({
            "1,0,0,yes", "0,1,1,yes", "0,1,0,no", "0,0,1,no",
    })
    void orFollowedByAndGroupsTheAndFirst(String a, String b, String c, String expected) {
        // "1,0,0" tells A OR (B AND C), which MaxBulk means, from (A OR B) AND C.
        String source = "<IF [[A]] = \"1\" <OR> [[B]] = \"1\" <AND> [[C]] = \"1\">yes<ELSE>no</IF>";
        assertThat(text(source, TestRecipient.of("A", a, "B", b, "C", c))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a={0} b={1} c={2} d={3} -> {4}")
    @CsvSource({
            "1,1,1,1,yes", "1,1,1,0,no", "0,0,0,0,yes", "0,1,0,1,no",
    })
    void manyConnectivesMix(String a, String b, String c, String d, String expected) {
        String source = "<IF [[A]] = \"1\" <and> [[B]] = \"1\" <and> [[C]] = \"1\" <and> [[D]] = \"1\" "
                + "<or> [[A]] = \"0\" <and> [[D]] = \"0\">yes<ELSE>no</IF>";
        assertThat(text(source, TestRecipient.of("A", a, "B", b, "C", c, "D", d))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "n={0} -> {1}")
    @CsvSource({"1,one", "2,two", "3,three", "4,four", "5,many"})
    void elseIfChainTakesTheFirstMatch(String n, String expected) {
        String source = "<IF [[N]] = \"1\">one<ELSEIF [[N]] = \"2\">two<ELSEIF [[N]] = \"3\">three"
                + "<ELSEIF [[N]] <= \"4\">four<ELSE>many</IF>";
        assertThat(text(source, TestRecipient.of("N", n))).isEqualTo(expected);
    }

    @Test
    void ifWithoutElseRendersNothingWhenFalse() {
        assertThat(text("a<IF [[N]] = \"1\">one</IF>b", TestRecipient.of("N", "2"))).isEqualTo("ab");
    }

    @Test
    void elseIfAfterAnEarlierMatchIsNotTaken() {
        assertThat(text("<IF [[N]] > \"0\">pos<ELSEIF [[N]] > \"1\">big</IF>", TestRecipient.of("N", "5"))).isEqualTo("pos");
    }

    @ParameterizedTest(name = "country={0} vip={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "NO|yes|[Norway VIP]",
            "NO|no|[Norway]",
            "SE|yes|[Other]",
    })
    void conditionsNest(String country, String vip, String expected) {
        String source = "[<IF [[Country]] = \"NO\">Norway<IF [[VIP]] = \"yes\"> VIP</IF><ELSE>Other</IF>]";
        assertThat(text(source, TestRecipient.of("Country", country, "VIP", vip))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a={0} b={1} -> {2}")
    @CsvSource({"1,0,a", "2,1,2b", "2,0,2x", "3,1,eb", "3,0,''"})
    void conditionsNestInsideElseIfAndElse(String a, String b, String expected) {
        String source = "<IF [[A]] = \"1\">a<ELSEIF [[A]] = \"2\"><IF [[B]] = \"1\">2b<ELSE>2x</IF>"
                + "<ELSE><IF [[B]] = \"1\">eb</IF></IF>";
        assertThat(text(source, TestRecipient.of("A", a, "B", b))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "<if [[g]] = \"M\">yes<else>no</if>",
            "<If [[G]] = \"m\" <And> [[G]] <> \"\">yes<Else>no</iF>",
            "<IF [[G]]=\"M\">yes<ELSE >no</IF >",
    })
    void keywordsAreCaseInsensitiveAndSpacingIsFree(String source) {
        assertThat(text(source, TestRecipient.of("G", "M"))).isEqualTo("yes");
    }

    @Test
    void aConditionMaySpanLines() {
        assertThat(text("<IF\n  [[G]] = \"M\"\n  <AND> [[G]] <> \"F\"\n>yes</IF>", TestRecipient.of("G", "M"))).isEqualTo("yes");
    }

    @Test
    void fieldsInsideABranchAreMerged() {
        assertThat(text("<IF [[A]] = \"1\">Hi [Name|you]</IF>", TestRecipient.of("A", "1"))).isEqualTo("Hi you");
    }

    @Test
    void htmlTagsNamedLikeKeywordsAreText() {
        String source = "<iframe src=x></iframe><ifx><elsewhere>";
        assertThat(text(source, TestRecipient.of())).isEqualTo(source);
    }
}
