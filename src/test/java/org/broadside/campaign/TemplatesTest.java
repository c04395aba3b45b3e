package org.broadside.campaign;

import org.broadside.compose.CampaignChecks;
import org.broadside.compose.CheckCode;
import org.broadside.compose.CheckLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {
    static List<Template> builtIns() { return Templates.builtIns(); }

    @ParameterizedTest
    @MethodSource("builtIns")
    void aBuiltInPassesThePreSendCheckApartFromWhatTheUserMustSet(Template t) {
        List<CheckLine> lines = CampaignChecks.check(new CampaignDocument(t.campaign(), null), null, Set.of());

        assertThat(lines).extracting(CheckLine::code)
                .containsOnly(CheckCode.ACCOUNT_MISSING, CheckCode.UNSUBSCRIBE_MISSING, CheckCode.LIST_MISSING);
    }

    @ParameterizedTest
    @MethodSource("builtIns")
    void aBuiltInHasBothPartsAFallbackForEveryFieldAndAnUnsubscribeLink(Template t) {
        Campaign c = t.campaign();
        assertThat(c.id()).isNull();
        assertThat(c.text()).contains("[Unsubscribe]", "[First Name|", "1 Example Street");
        assertThat(c.html()).contains("href=\"[Unsubscribe]\"", "[First Name|", "1 Example Street");
        assertThat(c.html()).doesNotContain("[First Name]");
    }

    @Test
    void savedTemplatesAreListedAfterTheBuiltInsAndCanBeDeleted() throws Exception {
        Templates templates = new Templates(tempDir());
        Campaign c = Campaign.blank("c-1", "Spring").withRecipients(List.of("Work"), "Customers", null)
                .withMessage("Me <me@example.com>", null, "Spring sale", "Hello", "");

        templates.save("Spring sale", c);

        List<Template> all = templates.list();
        assertThat(all).extracting(Template::name).containsExactly("Newsletter", "Announcement", "Plain letter", "Spring sale");
        Template mine = all.get(3);
        assertThat(mine.builtIn()).isFalse();
        assertThat(mine.campaign().id()).as("a template has no id").isNull();
        assertThat(mine.campaign().list()).isEqualTo("Customers");
        assertThat(mine.campaign().subject()).isEqualTo("Spring sale");

        templates.delete(mine);
        assertThat(templates.list()).hasSize(3);
    }

    @Test
    void savingUnderAnExistingNameReplacesIt() throws Exception {
        Templates templates = new Templates(tempDir());
        Campaign c = Campaign.blank("c-1", "x").withMessage("me@example.com", null, "One", "Hello", "");
        templates.save("Monthly", c);

        templates.save("monthly", c.withMessage("me@example.com", null, "Two", "Hello", ""));

        assertThat(templates.own()).singleElement().satisfies(t -> assertThat(t.campaign().subject()).isEqualTo("Two"));
    }

    @Test
    void aNameWithSlashesStillMakesAFile() throws Exception {
        Templates templates = new Templates(tempDir());
        templates.save("News 1/2: spring", Campaign.blank(null, "x").withMessage("me@example.com", null, "S", "Hello", ""));

        assertThat(templates.own()).extracting(Template::name).containsExactly("News 1/2: spring");
    }

    @Test
    void anEmptyNameIsRefused() throws Exception {
        Templates templates = new Templates(tempDir());
        assertThatThrownBy(() -> templates.save("  ", Campaign.blank(null, "x"))).hasMessage("Give the template a name.");
    }

    @Test
    void aBuiltInCannotBeDeleted() throws Exception {
        Templates templates = new Templates(tempDir());
        assertThatThrownBy(() -> templates.delete(Templates.builtIns().get(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewCampaignGetsItsOwnId() {
        Campaign c = Templates.newCampaign(Templates.builtIns().get(0), "fresh-id");
        assertThat(c.id()).isEqualTo("fresh-id");
        assertThat(c.name()).isEqualTo("Newsletter");
    }

    private static Path tempDir() throws Exception {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "templates");
    }
}
