package org.broadside.contacts.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells from a file's first bytes what it is: its magic number (ZIP, PDF, PNG...) or, for text, the absence of the
 * bytes text never has. Checked before a text reader decodes the file, so a workbook chosen as CSV is named as a
 * workbook instead of becoming columns of mojibake.
 */
public final class FileContent {
    /** How much of the file is looked at: enough for the ZIP entry names and for a fair share of control bytes. */
    static final int HEAD_BYTES = 8192;
    /** Text has tabs and line ends, and almost never other control bytes; binary data has about 12% of them. */
    private static final double MAX_CONTROL_SHARE = 0.01;
    private static final int MIN_CONTROLS = 4;

    private FileContent() {}

    /** What a file looks like, with what to do about it. */
    public enum Kind {
        TEXT("a text file", "choose CSV as the file type"),
        EXCEL_WORKBOOK("an Excel workbook", "choose Excel as the file type"),
        OPENDOCUMENT("an OpenDocument file", "save it as .xlsx or .csv and import that"),
        OFFICE_DOCUMENT("a Word or PowerPoint document", "save the addresses as .csv and import that"),
        OLD_OFFICE_FILE("an old Excel .xls workbook or another old Office file", "save it as .xlsx or .csv and import that"),
        ZIP_ARCHIVE("a ZIP archive", "unpack it and import the file inside"),
        GZIP_ARCHIVE("a gzip archive", "unpack it and import the file inside"),
        PDF("a PDF document", ""),
        IMAGE("an image", ""),
        BINARY("binary data", "");

        private final String description;
        private final String advice;

        Kind(String description, String advice) {
            this.description = description;
            this.advice = advice;
        }

        public String description() { return description; }

        public String advice() { return advice; }
    }

    /** The kind of the file's content, read from its first {@link #HEAD_BYTES} bytes. */
    public static Kind of(Path file) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return of(head, n);
    }

    static Kind of(byte[] b, int n) {
        if (startsWith(b, n, 0x50, 0x4B, 0x03, 0x04) || startsWith(b, n, 0x50, 0x4B, 0x05, 0x06)) return zipKind(b, n);
        if (startsWith(b, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return Kind.OLD_OFFICE_FILE;
        if (startsWith(b, n, '%', 'P', 'D', 'F', '-')) return Kind.PDF;
        if (startsWith(b, n, 0x89, 'P', 'N', 'G') || startsWith(b, n, 0xFF, 0xD8, 0xFF) || startsWith(b, n, 'G', 'I', 'F', '8')
                || startsWith(b, n, 'B', 'M') && n > 14 && b[6] == 0 && b[7] == 0) {
            return Kind.IMAGE;
        }
        if (startsWith(b, n, 0x1F, 0x8B)) return Kind.GZIP_ARCHIVE;
        return looksLikeText(b, n) ? Kind.TEXT : Kind.BINARY;
    }

    /** A ZIP's first entry names are stored in clear: Office files list xl/, word/ or ppt/ parts, ODF a mimetype. */
    private static Kind zipKind(byte[] b, int n) {
        String names = new String(b, 0, n, StandardCharsets.ISO_8859_1);
        if (names.contains("xl/")) return Kind.EXCEL_WORKBOOK;
        if (names.contains("application/vnd.oasis.opendocument")) return Kind.OPENDOCUMENT;
        if (names.contains("word/") || names.contains("ppt/")) return Kind.OFFICE_DOCUMENT;
        return Kind.ZIP_ARCHIVE;
    }

    /**
     * UTF-16 (with a BOM, or with zeros in every other byte) is text; otherwise a zero byte, or more than 1% of bytes
     * that are control characters other than tab, line feed, form feed, carriage return and DOS end-of-file (and at
     * least four of them), is not.
     * Invalid UTF-8 alone proves nothing: Windows-1252 text is full of it.
     */
    static boolean looksLikeText(byte[] b, int n) {
        if (startsWith(b, n, 0xFF, 0xFE) || startsWith(b, n, 0xFE, 0xFF)) return true;
        int evenZeros = 0;
        int oddZeros = 0;
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) {
                if (i % 2 == 0) evenZeros++;
                else oddZeros++;
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A || c == 0x7F) {
                controls++;
            }
        }
        int zeros = evenZeros + oddZeros;
        if (zeros > 0) {
            // In UTF-16 the small bytes are halves of characters (Ł is 41 01), so control bytes prove nothing there.
            return oddZeros > n / 8 && evenZeros < oddZeros / 4 || evenZeros > n / 8 && oddZeros < evenZeros / 4;
        }
        // A stray escape or two in a short text file is a typo, not a sign of binary data.
        return controls < MIN_CONTROLS || controls <= n * MAX_CONTROL_SHARE;
    }

    private static boolean startsWith(byte[] b, int n, int... magic) {
        if (n < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xff) != magic[i]) return false;
        return true;
    }
}
