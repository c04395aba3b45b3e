package org.broadside.merge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** Rendering in spans (issue 17) gives render's text, literals as the very objects of literals(). */
class RenderSpansTest {

    private static final class Recorder implements SpanSink {
        final StringBuilder merged = new StringBuilder();
        final StringBuilder all = new StringBuilder();
        final List<String> literals = new ArrayList<>();

        @Override
        public void literal(String text) {
            all.append(merged).append(text);
            merged.setLength(0);
            literals.add(text);
        }

        @Override
        public StringBuilder merged() {
            return merged;
        }

        String text() {
            return all.toString() + merged;
        }
    }

    @Test
    void spansInOrderAreTheRenderedTextInEveryBranch() throws Exception {
        Template t = Template.compile("<p>Dear [First Name|friend] & [Last],</p>\n<IF [[Plan]] = \"gold\">Gold [Plan]<ELSEIF [[Plan]] = \"silver\">"
                + "Silver<ELSE>Other: [Plan]</IF> end [Last]", TemplateMode.HTML);
        Set<String> known = Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(t.literals());
        assertThat(t.literals()).contains("<p>Dear ", " & ", ",</p>\n", "Gold ", "Silver", "Other: ", " end ");
        for (Map<String, String> fields : List.of(Map.of("first name", "Ann <x>", "last", "O'B", "plan", "gold"),
                Map.of("plan", "silver"), Map.of("last", "Z", "plan", "bronze & co"))) {
            FieldLookup lookup = fields::get;
            Recorder r = new Recorder();
            t.renderSpans(lookup, r);
            assertThat(r.text()).isEqualTo(t.render(lookup));
            for (String literal : r.literals) {
                assertThat(known).as("a literal handed out is one of literals()").contains(literal);
            }
        }
    }
}
