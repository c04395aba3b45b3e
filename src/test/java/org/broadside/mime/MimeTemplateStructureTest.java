package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadside.mime.MimeFixtures.*;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MimeTemplateStructureTest {
    @TempDir
    static Path dir;
    static Attachment pdf;
    static InlineImage logo;

    @BeforeAll
    static void files() throws Exception {
        pdf = Attachment.of(file(dir, "report.pdf", binary(3000)));
        logo = new InlineImage("logo@x", file(dir, "logo.png", binary(500)), null);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("text only", true, false, false, false, false, "text/plain"),
                Arguments.of("html only", false, true, false, false, false, "text/html"),
                Arguments.of("text and html", true, true, false, false, false, "multipart/alternative[text/plain,text/html]"),
                Arguments.of("html with generated text", false, true, true, false, false, "multipart/alternative[text/plain,text/html]"),
                Arguments.of("html with images", false, true, false, true, false, "multipart/related[text/html,image/png]"),
                Arguments.of("text, html, images", true, true, false, true, false,
                        "multipart/alternative[text/plain,multipart/related[text/html,image/png]]"),
                Arguments.of("text with attachment", true, false, false, false, true, "multipart/mixed[text/plain,application/pdf]"),
                Arguments.of("html with attachment", false, true, false, false, true, "multipart/mixed[text/html,application/pdf]"),
                Arguments.of("everything", true, true, false, true, true,
                        "multipart/mixed[multipart/alternative[text/plain,multipart/related[text/html,image/png]],application/pdf]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void everyLayoutHasTheRequiredStructureLikeAngus(String name, boolean text, boolean html, boolean generate,
                                                     boolean images, boolean attachments, String expected) throws Exception {
        MessageLayout layout = layout(text, html, generate, attachments ? List.of(pdf) : List.of(), images ? List.of(logo) : List.of());
        RenderedMessage m = message("Hello", text ? "Hi Ann" : null, html ? "<p>Hi <b>Ann</b> <img src=\"cid:logo@x\"></p>" : null);

        MimeMessage fast = parse(MimeTemplate.prepare(layout).toBytes(m));
        MimeMessage reference = AngusMessageFactory.build(layout, m);

        assertThat(structure(fast)).isEqualTo(expected);
        assertThat(structure(reference)).isEqualTo(expected);
        assertThat(leaves(fast)).isEqualTo(leaves(parse(bytesOf(reference))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void everyLayoutIsSevenBitCrlfWithShortLines(String name, boolean text, boolean html, boolean generate,
                                                  boolean images, boolean attachments, String expected) throws Exception {
        MessageLayout layout = layout(text, html, generate, attachments ? List.of(pdf) : List.of(), images ? List.of(logo) : List.of());
        RenderedMessage m = message("Grüße", text ? "Grüße\nline two" : null, html ? "<p>Grüße</p>" : null);

        assertWireSafe(MimeTemplate.prepare(layout).toBytes(m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void inlineImagesAreInlineWithContentIdAndAttachmentsAreAttachments(String name, boolean text, boolean html, boolean generate,
                                                                        boolean images, boolean attachments, String expected) throws Exception {
        MessageLayout layout = layout(text, html, generate, attachments ? List.of(pdf) : List.of(), images ? List.of(logo) : List.of());
        RenderedMessage m = message("Hello", text ? "Hi" : null, html ? "<p>Hi</p>" : null);

        List<String> leaves = leaves(parse(MimeTemplate.prepare(layout).toBytes(m)));

        if (images) {
            assertThat(leaves).anySatisfy(l -> assertThat(l).startsWith("image/png|inline|logo.png|<logo@x>|"));
        }
        if (attachments) {
            assertThat(leaves).anySatisfy(l -> assertThat(l).startsWith("application/pdf|attachment|report.pdf|null|"));
        }
    }
}
