package org.broadside.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.broadside.mime.MimeFixtures.binary;
import static org.broadside.mime.MimeFixtures.file;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InlineImagesTest {
    @TempDir
    Path dir;

    @Test
    void relativeImageBecomesCidReferenceWithAnInlineImage() throws Exception {
        Path logo = file(dir, "img/logo.png", binary(10));

        InlineImages.Extracted e = InlineImages.extract("<img src=\"img/logo.png\" alt=\"x\">", dir);

        assertThat(e.images()).hasSize(1);
        InlineImage image = e.images().get(0);
        assertThat(image.file()).isEqualTo(logo.toAbsolutePath().normalize());
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(e.html()).isEqualTo("<img src=\"cid:" + image.contentId() + "\" alt=\"x\">");
    }

    @Test
    void fileUrlIsInlined() throws Exception {
        Path logo = file(dir, "my logo.gif", binary(10));

        InlineImages.Extracted e = InlineImages.extract("<img src='" + logo.toUri() + "'>", dir);

        assertThat(e.images()).singleElement().satisfies(i -> assertThat(i.contentType()).isEqualTo("image/gif"));
        assertThat(e.html()).startsWith("<img src='cid:");
    }

    @Test
    void cssUrlReferencesAreInlined() throws Exception {
        file(dir, "bg.jpg", binary(10));

        InlineImages.Extracted e = InlineImages.extract("<td style=\"background:url('bg.jpg')\">", dir);

        assertThat(e.images()).hasSize(1);
        assertThat(e.html()).isEqualTo("<td style=\"background:url('cid:" + e.images().get(0).contentId() + "')\">");
    }

    @Test
    void percentEncodedRelativePathsAreDecoded() throws Exception {
        file(dir, "my logo.png", binary(10));

        assertThat(InlineImages.extract("<img src=\"my%20logo.png?v=2\">", dir).images()).hasSize(1);
    }

    @Test
    void sameFileReferencedTwiceIsOneImage() throws Exception {
        file(dir, "a.png", binary(10));

        InlineImages.Extracted e = InlineImages.extract("<img src=\"a.png\"><img src=\"./a.png\">", dir);

        assertThat(e.images()).hasSize(1);
        String cid = "cid:" + e.images().get(0).contentId();
        assertThat(e.html()).isEqualTo("<img src=\"" + cid + "\"><img src=\"" + cid + "\">");
    }

    @Test
    void remoteDataAndCidReferencesAreLeftAlone() throws Exception {
        String html = "<img src=\"https://example.com/a.png\"><img src=\"http://x/b.png\"><img src=\"data:image/png;base64,AAAA\">"
                + "<img src=\"cid:x@y\"><img src=\"//cdn.example.com/c.png\"><div style=\"background:url(https://x/y.png)\">";

        InlineImages.Extracted e = InlineImages.extract(html, dir);

        assertThat(e.images()).isEmpty();
        assertThat(e.html()).isEqualTo(html);
    }

    @Test
    void missingFileFailsNamingIt() {
        assertThatThrownBy(() -> InlineImages.extract("<img src=\"missing.png\">", dir))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing.png");
    }

    @Test
    void contentIdsAreStableAcrossRuns() throws Exception {
        file(dir, "a.png", binary(10));

        assertThat(InlineImages.extract("<img src=\"a.png\">", dir)).isEqualTo(InlineImages.extract("<img src=\"a.png\">", dir));
    }
}
