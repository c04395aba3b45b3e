package org.broadside.ui.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign-like message (alternative QP parts, a cid image, a PDF) decoded as its recipient would see it. */
class ReceivedMessageTest {
    private static final String RAW = String.join("\r\n",
            "From: Acme News <news@acme.example>",
            "To: zoe@example.com",
            "Subject: =?UTF-8?Q?Bonjour_Zo=C3=AB?=",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"outer\"",
            "",
            "--outer",
            "Content-Type: multipart/related; boundary=\"rel\"",
            "",
            "--rel",
            "Content-Type: multipart/alternative; boundary=\"alt\"",
            "",
            "--alt",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Ch=C3=A8re Zo=C3=AB, voici les nouvelles.",
            "--alt",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "<p onclick=3D\"x()\">Ch=C3=A8re Zo=C3=AB</p><img src=3D\"cid:logo@acme\"><img src=3D\"https://tracker.example/p.gif\"><script>alert(1)</script>",
            "--alt--",
            "--rel",
            "Content-Type: image/png",
            "Content-ID: <logo@acme>",
            "Content-Transfer-Encoding: base64",
            "",
            "iVBORw0KGgo=",
            "--rel--",
            "--outer",
            "Content-Type: application/pdf; name=\"menu.pdf\"",
            "Content-Disposition: attachment; filename=\"menu.pdf\"",
            "Content-Transfer-Encoding: base64",
            "",
            "JVBERi0xLjQK",
            "--outer--",
            "");

    @Test
    void decodesBothPartsInlinesTheCidImageAndBlocksWhatAMailProgramWouldBlock() throws Exception {
        ReceivedMessage m = ReceivedMessage.parse(RAW.getBytes(StandardCharsets.US_ASCII));
        assertThat(m.text()).contains("Chère Zoë, voici les nouvelles.");
        assertThat(m.html()).contains("Chère Zoë").contains("src=\"data:image/png;base64,iVBORw0KGgo=\"")
                .doesNotContain("<script").doesNotContain("onclick").doesNotContain("src=\"https://tracker.example");
        assertThat(m.remoteImagesBlocked()).isEqualTo(1);
        assertThat(m.attachments()).extracting(ReceivedMessage.Attachment::name).containsExactly("menu.pdf");
        assertThat(new String(m.attachments().get(0).content(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
        assertThat(m.headers()).contains("Subject: Bonjour Zoë");
    }
}
