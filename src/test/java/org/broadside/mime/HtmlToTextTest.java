package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlToTextTest {

    @Test
    void paragraphsAreSeparatedByABlankLine() {
        assertThat(HtmlToText.convert("<p>One</p><p>Two</p>")).isEqualTo("One\n\nTwo");
    }

    @Test
    void brIsALineBreak() {
        assertThat(HtmlToText.convert("Line one<br>Line two<br/>Line three")).isEqualTo("Line one\nLine two\nLine three");
    }

    @Test
    void listItemsStartWithADash() {
        assertThat(HtmlToText.convert("<p>Items:</p><ul><li>apples</li><li>pears</li></ul><p>End</p>"))
                .isEqualTo("Items:\n\n- apples\n- pears\n\nEnd");
    }

    @Test
    void nestedListItemsAreIndented() {
        assertThat(HtmlToText.convert("<ul><li>a<ul><li>b</li></ul></li></ul>")).contains("- a").contains("  - b");
    }

    @Test
    void linksShowTextThenUrl() {
        assertThat(HtmlToText.convert("Read <a href=\"https://example.com/a?x=1&amp;y=2\">the news</a> today."))
                .isEqualTo("Read the news (https://example.com/a?x=1&y=2) today.");
    }

    @Test
    void linkWhoseTextIsItsUrlIsShownOnce() {
        assertThat(HtmlToText.convert("<a href=\"https://example.com\">https://example.com</a>")).isEqualTo("https://example.com");
        assertThat(HtmlToText.convert("<a href=\"mailto:ann@example.com\">ann@example.com</a>")).isEqualTo("ann@example.com");
    }

    @Test
    void anchorAndJavascriptLinksShowOnlyText() {
        assertThat(HtmlToText.convert("<a href=\"#top\">Top</a> <a href='javascript:void(0)'>x</a>")).isEqualTo("Top x");
    }

    @Test
    void entitiesAreDecoded() {
        assertThat(HtmlToText.convert("Fish &amp; chips &lt;3 &quot;q&quot; &#8364;5 &#x263A; caf&eacute; a&nbsp;b &bogus; AT&T"))
                .isEqualTo("Fish & chips <3 \"q\" €5 ☺ café a b &bogus; AT&T");
    }

    @Test
    void scriptsStylesAndHeadAreDropped() {
        assertThat(HtmlToText.convert("<html><head><title>T</title><style>p{color:red}</style></head>"
                + "<body><script>var a = '<p>';</script><p>Visible</p><!-- hidden --></body></html>")).isEqualTo("Visible");
    }

    @Test
    void noTagsRemainAndWhitespaceCollapses() {
        assertThat(HtmlToText.convert("<div class=\"a\">  Hello \n\t <b>big</b>\n   world  </div>")).isEqualTo("Hello big world");
    }

    @Test
    void preKeepsItsLineBreaksAndSpaces() {
        assertThat(HtmlToText.convert("<pre>\na  b\n  c</pre>")).isEqualTo("a  b\n  c");
    }

    @Test
    void imageAltTextIsKept() {
        assertThat(HtmlToText.convert("<p><img src=\"logo.png\" alt=\"Acme Logo\"> News</p>")).isEqualTo("Acme Logo News");
    }

    @Test
    void tableRowsBecomeLinesAndCellsAreSpaced() {
        assertThat(HtmlToText.convert("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"))
                .isEqualTo("a b\nc d");
    }

    @Test
    void headingsAreParagraphs() {
        assertThat(HtmlToText.convert("<h1>Title</h1>Body")).isEqualTo("Title\n\nBody");
    }

    @Test
    void lessThanSignThatIsNotATagIsText() {
        assertThat(HtmlToText.convert("1 < 2 and 3 <4")).isEqualTo("1 < 2 and 3 <4");
    }

    @Test
    void emptyAndNullGiveEmptyText() {
        assertThat(HtmlToText.convert("")).isEmpty();
        assertThat(HtmlToText.convert(null)).isEmpty();
    }

    @Test
    void unclosedTagAtEndDoesNotFail() {
        assertThat(HtmlToText.convert("text <a href=\"x")).isEqualTo("text");
    }
}
