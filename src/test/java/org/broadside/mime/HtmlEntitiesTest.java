package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one entity table of the project: HTML5's, through jsoup. */
class HtmlEntitiesTest {

    @Test
    void theTextPartDecodesAccentedLettersTheOldTableDidNotKnow() {
        // The example: the old 40-name table left &ntilde; and &Eacute; as written.
        assertThat(HtmlToText.convert("<p>Ma&ntilde;ana &Eacute;t&eacute;</p>")).isEqualTo("Mañana Été");
    }

    @Test
    void everyHtml5NameDecodesIncludingLongAndMultiCharacterOnes() {
        assertThat(HtmlEntities.decodeAll("&oslash;&aring;&Oacute;&thorn;&alpha;&Omega;&rarr;&hearts;&check;"))
                .isEqualTo("øåÓþαΩ→♥✓");
        assertThat(HtmlEntities.decodeAll("&CounterClockwiseContourIntegral;")).isEqualTo("∳");
        assertThat(HtmlEntities.decodeAll("&NotEqualTilde;")).isEqualTo("≂̸");
    }

    @Test
    void numericReferencesFollowHtml5IncludingWindows1252ForC1Controls() {
        assertThat(HtmlEntities.decodeAll("&#150;&#x97;&#128;&#8364;&#x1F600;")).isEqualTo("–—€€😀");
        assertThat(HtmlEntities.decodeAll("&#0;&#xD800;&#x110000;")).isEqualTo("\uFFFD\uFFFD\uFFFD");
    }

    @Test
    void whatIsNotAReferenceStaysAsWritten() {
        assertThat(HtmlEntities.decodeAll("AT&T &bogus; & ; &#; &#xZZ; a&b;c")).isEqualTo("AT&T &bogus; & ; &#; &#xZZ; a&b;c");
    }

    @Test
    void aSingleCharacterIsReadForMergeTagsAndMultiCharacterNamesAreNot() {
        assertThat(HtmlEntities.decodeChar("&lt;IF", 0)).isEqualTo('<');
        assertThat(HtmlEntities.length("&lt;IF", 0)).isEqualTo(4);
        assertThat(HtmlEntities.decodeChar("&NotEqualTilde;", 0)).isEqualTo(-1);
        assertThat(HtmlEntities.decodeChar("&#x1F600;", 0)).isEqualTo(-1);
        assertThat(HtmlEntities.decodeChar("& lt;", 0)).isEqualTo(-1);
    }

    @Test
    void theTextPartReadsHtmlAsABrowserDoes() {
        // Legacy references without ';' (HTML5 keeps a list of them) and text-only brackets.
        assertThat(HtmlToText.convert("<p>&copy 2026 Acme &amp co</p><p>a < b and c > d</p>"))
                .isEqualTo("© 2026 Acme & co\n\na < b and c > d");
        // Unclosed paragraphs and list items close where a browser closes them.
        assertThat(HtmlToText.convert("<P>One<P>Two<UL><LI>x<LI>y</UL>")).isEqualTo("One\n\nTwo\n\n- x\n- y");
        // An attribute holding '>' does not end its tag.
        assertThat(HtmlToText.convert("<a title=\"a > b\" href=\"https://example.com/?q=1&amp;r=2\">See</a>"))
                .isEqualTo("See (https://example.com/?q=1&r=2)");
    }

    @Test
    void escapingMakesAnyTextSafeContentOrAttributeAndDecodesBack() {
        String hostile = "<script>alert('x')</script> & \"quoted\"\u0007\nline";
        String escaped = HtmlEntities.escape(hostile);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'", "\u0007")
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; \nline");
        assertThat(HtmlEntities.decodeAll(escaped)).isEqualTo(hostile.replace('\u0007', ' '));
        assertThat(HtmlEntities.escape(null)).isEmpty();
    }
}
