package org.broadside.merge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionTagsTest {
    @Test
    void rawTagsAreFoundWithAnAndInsideAndHtmlIsNot() {
        String html = "<p><IF [[A]] = \"1\" <AND> [[B]] > \"2\">x<ELSE>y</IF></p><iframe>";
        assertThat(ConditionTags.rawIn(html)).extracting(s -> html.substring(s.start(), s.end()))
                .containsExactly("<IF [[A]] = \"1\" <AND> [[B]] > \"2\">", "<ELSE>", "</IF>");
    }

    @Test
    void escapedAndBrokenTagsAreNotRawTags() {
        assertThat(ConditionTags.rawIn("&lt;IF [[A]] = \"1\"&gt;x&lt;/IF&gt; <IF [[A]] = >")).isEmpty();
    }
}
