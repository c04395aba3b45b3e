package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.mime.MimeFixtures.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageLayoutTest {

    @Test
    void layoutWithoutTextOrHtmlIsRefused() {
        assertThatThrownBy(() -> layout(false, false, false, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inlineImagesWithoutHtmlAreRefused() {
        InlineImage image = new InlineImage("a@b", Path.of("a.png"), null);
        assertThatThrownBy(() -> layout(true, false, false, List.of(), List.of(image))).hasMessageContaining("HTML");
    }

    @Test
    void charsetThatIsNotAsciiCompatibleIsRefused() {
        assertThatThrownBy(() -> new MessageLayout(true, false, false, List.of(), List.of(), StandardCharsets.UTF_16, "c"))
                .hasMessageContaining("ASCII");
    }

    @Test
    void messageWithoutTheHtmlTheLayoutNeedsIsRefused() {
        MessageLayout html = layout(false, true, false, List.of(), List.of());
        assertThatThrownBy(() -> MimeTemplate.prepare(html).toBytes(message("s", null, null))).hasMessageContaining("HTML");
    }

    @Test
    void messageWithTextTheLayoutDoesNotHaveIsRefusedRatherThanDropped() {
        MessageLayout html = layout(false, true, false, List.of(), List.of());
        assertThatThrownBy(() -> MimeTemplate.prepare(html).toBytes(message("s", "text", "<p>h</p>"))).hasMessageContaining("text");
    }

    @Test
    void missingAttachmentFileFailsWhenPreparing(@org.junit.jupiter.api.io.TempDir Path dir) {
        Attachment a = Attachment.of(dir.resolve("gone.pdf"));
        assertThatThrownBy(() -> MimeTemplate.prepare(layout(true, false, false, List.of(a), List.of())))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("gone.pdf");
    }
}
