package org.broadside.ui.message;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlHighlighterTest {
    /** "text=style" for each highlighted run of the source; unstyled runs are left out. */
    private static List<String> styled(String src) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (var span : HtmlHighlighter.spans(src)) {
            Collection<String> style = span.getStyle();
            if (!style.isEmpty()) out.add(src.substring(at, at + span.getLength()) + "=" + style.iterator().next());
            at += span.getLength();
        }
        return out;
    }

    @Test
    void mergeFieldsStandOutFromTagsAttributesAndStrings() {
        assertThat(styled("<p class='x' id=\"y\">[First Name]</p>"))
                .contains("[First Name]=hl-field", "<p=hl-tag", "class=hl-attr", "\"y\"=hl-string", "</p>=hl-tag");
    }

    @Test
    void conditionsAreOneRunEachIncludingTheirFields() {
        assertThat(styled("<IF [[Gender]] = \"F\">Madam<ELSE>Sir</IF>"))
                .containsExactly("<IF [[Gender]] = \"F\">=hl-condition", "<ELSE>=hl-condition", "</IF>=hl-condition");
    }

    @Test
    void aConditionWithAndAndNotEqualStaysOneRun() {
        assertThat(styled("<IF [[A]] = \"1\" <AND> [[B]] <> \"\">x</IF>"))
                .containsExactly("<IF [[A]] = \"1\" <AND> [[B]] <> \"\">=hl-condition", "</IF>=hl-condition");
    }

    @Test
    void escapedConditionsFromAWysiwygEditorAreRecognisedToo() {
        assertThat(styled("&lt;IF [[A]] = &quot;1&quot;&gt;x&lt;/IF&gt;"))
                .containsExactly("&lt;IF [[A]] = &quot;1&quot;&gt;=hl-condition", "&lt;/IF&gt;=hl-condition");
    }
}
