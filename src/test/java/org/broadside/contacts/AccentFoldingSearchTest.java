package org.broadside.contacts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccentFoldingSearchTest {
    @Test
    void foldsAccentsStrokesAndCase() {
        assertThat(AccentFoldingSearch.fold("Zoë MÜLLER Øster Łódź Việt")).isEqualTo("zoe muller oster lodz viet");
    }

    @Test
    void foldsDecomposedTextToo() {
        assertThat(AccentFoldingSearch.fold("Zoe\u0308")).isEqualTo("zoe");
    }

    @Test
    void leavesOtherScriptsAndSignsAlone() {
        assertThat(AccentFoldingSearch.fold("Жанна 50% a_b")).isEqualTo("жанна 50% a_b");
    }

    @Test
    void theLikePatternEscapesWhatTheUserTyped() {
        assertThat(AccentFoldingSearch.likeContaining("50%_Zoë")).isEqualTo("%50\\%\\_zoe%");
    }
}
