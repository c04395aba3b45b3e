package org.broadside.ui.templates;

import org.broadside.campaign.Campaign;
import org.broadside.campaign.Templates;
import org.broadside.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatesViewModelTest {
    @Test
    void aTextOnlyTemplateIsPreviewedAsEscapedTextAndCanBeDeleted() throws Exception {
        Templates templates = new Templates(Files.createTempDirectory(Files.createDirectories(Path.of("target")), "templates-vm"));
        templates.save("Text only", Campaign.blank(null, "x").withMessage("me@example.com", null, "Plain", "1 < 2 & [First Name|you]", ""));
        TemplatesViewModel vm = new TemplatesViewModel(templates, new SameThreadRunner(), () -> "new-id");
        vm.load();
        assertThat(vm.canDeleteProperty().get()).as("a built-in is chosen first").isFalse();

        vm.selectedProperty().set(vm.items().get(3));

        assertThat(vm.previewSubjectProperty().get()).isEqualTo("Plain");
        assertThat(vm.previewHtmlProperty().get()).contains("1 &lt; 2 &amp; [First Name|you]");
        assertThat(vm.create().orElseThrow().id()).isEqualTo("new-id");
        vm.delete();
        assertThat(vm.items()).hasSize(3);
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Plain letter");
        assertThat(templates.own()).isEmpty();
    }
}
