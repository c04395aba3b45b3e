package org.broadside.contacts;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AccentFoldingSearchTest {
    @Test
    void foldsAccentsStrokesAndCase() {
        assertThat(AccentFoldingSearch.fold("Zoë MÜLLER Øster Łódź Việt")).isEqualTo("zoe muller oster lodz viet");
    }

    @Test
    void theGlobHasOneClassPerLetterWithEveryVariantInBothCases() {
        String glob = AccentFoldingSearch.globContaining("Zoë");
        assertThat(glob).startsWith("*[zZ").endsWith("]*");
        String e = glob.substring(glob.lastIndexOf('['));
        assertThat(e).contains("e", "E", "é", "É", "ë", "Ë", "ê", "ề");
    }

    @Test
    void globSignsTypedByTheUserMeanThemselves() {
        assertThat(AccentFoldingSearch.globContaining("a*b?[1]")).isEqualTo(
                "*" + AccentFoldingSearch.globContaining("a").substring(1, AccentFoldingSearch.globContaining("a").length() - 1)
                        + "[*]" + AccentFoldingSearch.globContaining("b").substring(1, AccentFoldingSearch.globContaining("b").length() - 1)
                        + "[?][[]1]*");
    }

    @Test
    void theClassesMatchWhatAUserExpects() {
        // The same semantics as SQLite's GLOB for these patterns (the list manager test runs them in SQLite itself).
        assertThat(matches("zoe", "Zoë Durand")).isTrue();
        assertThat(matches("ZOE", "zoé")).isTrue();
        assertThat(matches("muller", "Hans Müller")).isTrue();
        assertThat(matches("Müller", "MULLER")).isTrue();
        assertThat(matches("oster", "Østergaard")).isTrue();
        assertThat(matches("zoe", "Zola")).isFalse();
    }

    private static boolean matches(String typed, String text) {
        String glob = AccentFoldingSearch.globContaining(typed);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') regex.append(".*");
            else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                regex.append('[').append(Pattern.quote(glob.substring(i + 1, end))).append(']');
                i = end;
            } else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }
}
