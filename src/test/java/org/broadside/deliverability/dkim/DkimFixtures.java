package org.broadside.deliverability.dkim;

import java.nio.charset.StandardCharsets;

/** Messages shaped like Broadside's: CRLF or bare LF, folded headers, List-Unsubscribe headers, trailing blank lines. */
final class DkimFixtures {
    private DkimFixtures() {
    }

    static byte[] message(String lineEnd) {
        String m = String.join(lineEnd,
                "From: \"News Desk\" <news@example.test>",
                "To: reader@recipient.test",
                "Subject:  Weekly   news,",
                "\tfolded onto two lines  ",
                "Date: Sun, 22 Nov 2026 03:00:00 +0000",
                "Message-ID: <abc.123@example.test>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 7bit",
                "List-Unsubscribe: <https://example.test/u/OPAQUETOKEN>, <mailto:unsub@example.test?subject=OPAQUETOKEN>",
                "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "X-Mailer: Broadside",
                "",
                "Hello   reader,\t",
                "",
                ".a line starting with a dot",
                "Bye",
                "",
                "",
                "");
        return m.getBytes(StandardCharsets.UTF_8);
    }
}
