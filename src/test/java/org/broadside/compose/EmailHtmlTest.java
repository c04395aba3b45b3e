package org.broadside.compose;

import org.broadside.merge.TemplateMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailHtmlTest {
    /** What JavaFX's HTMLEditor hands out for one typed paragraph with a field and a condition. */
    private static final String VISUAL_EDITOR = "<html dir=\"ltr\"><head></head><body contenteditable=\"true\">"
            + "<p><span style=\"font-family: &quot;&quot;\">Hello [First Name|there], "
            + "&lt;IF [[Gender]] = \"M\"&gt;Sir&lt;ELSE&gt;Madam&lt;/IF&gt;</span></p>"
            + "<script>window.x = 1;</script></body></html>";

    @Test
    void theVisualEditorsStateIsRemoved() {
        String clean = EmailHtml.clean(VISUAL_EDITOR);
        assertThat(clean).doesNotContain("contenteditable").doesNotContain("dir=").doesNotContain("font-family")
                .doesNotContain("<span").doesNotContain("script").doesNotContain("window.x");
    }

    @Test
    void theResultIsADocumentWithDoctypeCharsetAndViewport() {
        String clean = EmailHtml.clean("<p>Hi</p>");
        assertThat(clean).startsWith("<!DOCTYPE html>\n<html>").contains("<meta charset=\"utf-8\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<body>\n<p>Hi</p>\n</body></html>");
    }

    @Test
    void mergeSyntaxTypedInTheVisualEditorStillMerges() throws Exception {
        String clean = EmailHtml.clean(VISUAL_EDITOR);
        assertThat(clean).contains("[First Name|there]");
        assertThat(render(clean, "M")).contains("Hello there, Sir");
        assertThat(render(clean, "F")).contains("Hello there, Madam");
    }

    @Test
    void rawConditionTagsFromTheSourceEditorAreKeptAsTextThatMergesAlike() throws Exception {
        String source = "<p><IF [[Gender]] = \"M\" <AND> [[Age]] > \"17\">Dear Sir<ELSEIF [[Gender]] = \"F\">Dear Madam<ELSE>Hello</IF>,</p>";
        String clean = EmailHtml.clean(source);
        assertThat(clean).contains("&lt;IF [[Gender]] = \"M\" &lt;AND&gt; [[Age]] &gt; \"17\"&gt;Dear Sir");
        assertThat(render(clean, "M", "30")).contains("<p>Dear Sir,</p>");
        assertThat(render(clean, "F", "30")).contains("<p>Dear Madam,</p>");
        assertThat(render(clean, "M", "12")).contains("<p>Hello,</p>");
    }

    @Test
    void emailHtmlIsKeptTablesInlineStylesImagesAndMergeFieldLinks() {
        String source = "<table width=\"600\" cellpadding=\"0\" bgcolor=\"#ffffff\"><tr><td align=\"center\" style=\"color: red\">"
                + "<img src=\"cid:logo@acme\" alt=\"Logo\" width=\"120\"><img src=\"img/a b.png\" alt=\"\">"
                + "<a href=\"[Unsubscribe]\">unsubscribe</a> <a href=\"https://acme.example/?a=1&amp;b=2\">site</a></td></tr></table>";
        String clean = EmailHtml.clean(source);
        assertThat(clean).contains("<table width=\"600\" cellpadding=\"0\" bgcolor=\"#ffffff\"><tbody><tr><td align=\"center\" style=\"color: red\">")
                .contains("<img src=\"cid:logo@acme\" alt=\"Logo\" width=\"120\">").contains("<img src=\"img/a b.png\" alt=\"\">")
                .contains("<a href=\"[Unsubscribe]\">unsubscribe</a>").contains("href=\"https://acme.example/?a=1&amp;b=2\"");
    }

    @Test
    void theUsersTitleStylesAndOutlookCommentsStay() {
        String source = "<html lang=\"de\"><head><title>News</title><meta name=\"generator\" content=\"x\">"
                + "<style>.btn { color: red; }</style><!--[if mso]><style>td { font-family: Arial; }</style><![endif]--></head>"
                + "<body style=\"margin: 0\"><p class=\"btn\">Hi</p><!-- a note --></body></html>";
        String clean = EmailHtml.clean(source);
        assertThat(clean).contains("<html lang=\"de\">").contains("<title>News</title>").contains("<style>.btn { color: red; }</style>")
                .contains("<!--[if mso]>").contains("<body style=\"margin: 0\">").contains("<p class=\"btn\">Hi</p>")
                .doesNotContain("generator").doesNotContain("a note");
    }

    @Test
    void wordPasteIsCleaned() {
        String word = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta name=ProgId content=Word.Document>"
                + "<!--[if gte mso 9]><xml><o:DocumentProperties></o:DocumentProperties></xml><![endif]-->"
                + "<style><!-- /* Style Definitions */ p.MsoNormal {mso-style-parent:\"\"; margin:0cm;} --></style></head>"
                + "<body lang=EN-GB style='tab-interval:36.0pt'>"
                + "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><!--StartFragment-->"
                + "<p class=MsoNormal style='margin-bottom:0cm;mso-line-height-rule:exactly;color:#333'>Dear <b>[First Name]</b><o:p></o:p></p>"
                + "<p class=MsoListParagraph><!--[if !supportLists]-->1.<!--[endif]-->Item<o:p>&nbsp;</o:p></p>"
                + "<!--EndFragment--></body></html>";
        String clean = EmailHtml.clean(word);
        assertThat(clean).doesNotContain("mso-").doesNotContain("Mso").doesNotContain("o:p").doesNotContain("ProgId")
                .doesNotContain("StartFragment").doesNotContain("supportLists").doesNotContain("[endif]-->")
                .doesNotContain("Style Definitions").doesNotContain("<xml").doesNotContain("tab-interval");
        assertThat(clean).contains("<p style=\"margin-bottom: 0cm; color: #333\">Dear <b>[First Name]</b></p>")
                .contains("<p>1.Item&nbsp;</p>");
    }

    @Test
    void googleDocsPasteLosesItsWrapper() {
        String google = "<meta charset=\"utf-8\"><b style=\"font-weight:normal;\" id=\"docs-internal-guid-12ab-34cd\">"
                + "<p dir=\"ltr\" style=\"line-height:1.38;margin-top:0pt\"><span style=\"font-size:11pt;font-weight:700\">Big</span> news</p></b>";
        String clean = EmailHtml.clean(google);
        assertThat(clean).doesNotContain("docs-internal-guid").doesNotContain("<b ").doesNotContain("font-weight:normal");
        assertThat(clean).contains("<p dir=\"ltr\" style=\"line-height: 1.38; margin-top: 0pt\"><span style=\"font-size: 11pt; font-weight: 700\">Big</span> news</p>");
    }

    @Test
    void cleaningTwiceChangesNothing() {
        for (String source : new String[]{VISUAL_EDITOR, "<p>a</p><p>b</p>", "text only", "<table><tr><td>x</td></tr></table>",
                "<IF [[A]] = \"1\">one</IF><div>[Name|Tom &amp; Jerry]</div>", "<html><head><style>p{}</style></head><body> <p>x</p> </body></html>"}) {
            String once = EmailHtml.clean(source);
            assertThat(EmailHtml.clean(once)).as(source).isEqualTo(once);
        }
    }

    @Test
    void blankStaysBlankAndAnEmptyDocumentHasNoContent() {
        assertThat(EmailHtml.clean("  ")).isEmpty();
        assertThat(EmailHtml.hasContent(EmailHtml.clean("<html dir=\"ltr\"><head></head><body contenteditable=\"true\"></body></html>"))).isFalse();
        assertThat(EmailHtml.hasContent("<p><img src=\"a.png\"></p>")).isTrue();
    }

    @Test
    void aPastedFragmentIsTheCleanedBodyContentOnly() {
        assertThat(EmailHtml.cleanFragment("<meta charset=\"utf-8\"><b id=\"docs-internal-guid-1\"><p style=\"mso-x:1;color:red\">Hi<o:p></o:p></p></b>"))
                .isEqualTo("<p style=\"color: red\">Hi</p>");
    }

    @Test
    void imageSourcesAreListedOnceInOrder() {
        assertThat(EmailHtml.imageSources("<img src=\"a.png\"><img src=\"cid:x\"><img src=\"a.png\">")).containsExactly("a.png", "cid:x");
    }

    private static String render(String html, String gender) throws Exception {
        return render(html, gender, "");
    }

    private static String render(String html, String gender, String age) throws Exception {
        java.util.Map<String, String> values = java.util.Map.of("gender", gender, "age", age);
        return org.broadside.merge.Template.compile(html, TemplateMode.HTML).render(values::get);
    }
}
