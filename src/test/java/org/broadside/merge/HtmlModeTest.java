package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlModeTest {
    private static final FieldLookup MR = TestRecipient.of("Gender", "M", "Company", "AT&T", "Plan", "Gold & Silver");

    private static String html(String source, FieldLookup fields) {
        return TestRecipient.render(source, TemplateMode.HTML, fields);
    }

    @Test
    void valuesAreHtmlEscaped() {
        var recipient = TestRecipient.of("Name", "<script>'x' & \"y\"</script>");
        assertThat(html("<p>[Name]</p>", recipient))
                .isEqualTo("<p>&lt;script&gt;&#39;x&#39; &amp; &quot;y&quot;&lt;/script&gt;</p>");
    }

    @Test
    void fallbackTextIsHtmlEscaped() {
        assertThat(html("<p>[Name|<you & me>]</p>", TestRecipient.of())).isEqualTo("<p>&lt;you &amp; me&gt;</p>");
    }

    @Test
    void fallbackAlreadyEscapedByTheEditorIsNotEscapedTwice() {
        assertThat(html("<p>[Name|Tom &amp; Jerry]</p>", TestRecipient.of())).isEqualTo("<p>Tom &amp; Jerry</p>");
    }

    @Test
    void literalHtmlIsLeftAlone() {
        String source = "<p class=\"x\">&lt;b&gt; &amp; [1]</p>";
        assertThat(html(source, TestRecipient.of())).isEqualTo(source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "&lt;IF [[Gender]] = &quot;M&quot;&gt;Mr&lt;ELSE&gt;Ms&lt;/IF&gt;",
            "&lt;IF [[Gender]] = &#34;M&#34;&gt;Mr&lt;ELSE&gt;Ms&lt;/IF&gt;",
            "&lt;IF [[Gender]] = &#39;M&#39;&gt;Mr&lt;ELSE&gt;Ms&lt;/IF&gt;",
            "&lt;if [[Gender]] = &quot;M&quot; &lt;AND&gt; [[Gender]] &lt;&gt; &quot;&quot;&gt;Mr&lt;else&gt;Ms&lt;/if&gt;",
            "&lt;IF [[Gender]] = \"M\">Mr<ELSE&gt;Ms</IF&gt;",
            "&lt;IF&nbsp;[[Gender]]&nbsp;=&nbsp;&quot;M&quot;&gt;Mr&lt;ELSE&gt;Ms&lt;/IF&gt;",
            "&lt;IF [[Gender]] &lt;&gt; &quot;F&quot;&gt;Mr&lt;ELSEIF [[Gender]] = &quot;F&quot;&gt;Ms&lt;/IF&gt;",
    })
    void htmlEscapedTagsMeanTheSameAsRawTags(String source) {
        assertThat(html(source, MR)).isEqualTo("Mr");
    }

    @Test
    void escapedAmpersandInAValueIsDecodedBeforeComparing() {
        assertThat(html("&lt;IF [[Company]] = &quot;AT&amp;T&quot;&gt;yes&lt;/IF&gt;", MR)).isEqualTo("yes");
    }

    @Test
    void anyHtml5EntityAnEditorWritesIsDecodedInNamesAndValues() {
        // An editor that escapes accented letters stores "Prénom" as "Pr&eacute;nom": the old table knew six names.
        assertThat(html("[Pr&eacute;nom]", TestRecipient.of("Prénom", "Zoé"))).isEqualTo("Zoé");
        assertThat(html("&lt;IF [[City]] = &quot;M&aacute;laga&quot;&gt;yes&lt;/IF&gt;", TestRecipient.of("City", "Málaga")))
                .isEqualTo("yes");
    }

    @Test
    void escapedFieldNameIsDecoded() {
        assertThat(html("[Company&nbsp;Name]", TestRecipient.of("Company Name", "Acme"))).isEqualTo("Acme");
    }

    @Test
    void valueInsideAnEscapedConditionIsStillEscaped() {
        assertThat(html("&lt;IF [[Gender]] = &quot;M&quot;&gt;[Plan]&lt;/IF&gt;", MR)).isEqualTo("Gold &amp; Silver");
    }

    @Test
    void escapedTagsAreTextInTextMode() {
        String source = "&lt;ELSE&gt; &lt;/IF&gt;";
        assertThat(TestRecipient.text(source, MR)).isEqualTo(source);
    }
}
