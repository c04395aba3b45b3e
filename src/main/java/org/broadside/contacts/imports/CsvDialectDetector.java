package org.broadside.contacts.imports;

import org.broadside.contacts.validation.EmailSyntax;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses encoding, delimiter and header from a sample of the file. Encoding: a BOM wins; then zero bytes mean
 * UTF-16; then valid UTF-8; otherwise Windows-1252, which is what Excel writes on most Western machines.
 */
public final class CsvDialectDetector {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private CsvDialectDetector() {}

    /** @param forcedDelimiter null to detect; forcedHeader null to detect */
    public static CsvDialect detect(byte[] sample, int sampleLength, Character forcedDelimiter, Boolean forcedHeader) {
        int bom = 0;
        Charset cs;
        if (sampleLength >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB && (sample[2] & 0xff) == 0xBF) {
            cs = StandardCharsets.UTF_8;
            bom = 3;
        } else if (sampleLength >= 2 && (sample[0] & 0xff) == 0xFF && (sample[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (sampleLength >= 2 && (sample[0] & 0xff) == 0xFE && (sample[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            cs = guessWithoutBom(sample, sampleLength);
        }
        String text = new String(sample, bom, sampleLength - bom, cs);
        List<String> lines = firstLines(text, 50, sampleLength == sample.length);
        char delimiter = forcedDelimiter != null ? forcedDelimiter : delimiter(lines);
        boolean header = forcedHeader != null ? forcedHeader : header(lines, delimiter);
        return new CsvDialect(cs, bom, delimiter, header);
    }

    private static Charset guessWithoutBom(byte[] b, int n) {
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) evenZeros++;
                else oddZeros++;
            }
        }
        if (oddZeros > n / 8 && evenZeros < oddZeros / 4) return StandardCharsets.UTF_16LE;
        if (evenZeros > n / 8 && oddZeros < evenZeros / 4) return StandardCharsets.UTF_16BE;
        // A multi-byte sequence may be cut at the end of the sample: drop up to 3 trailing bytes before judging.
        int end = n;
        for (int k = 0; k < 3 && end > 0 && (b[end - 1] & 0x80) != 0; k++) end--;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, 0, end));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return WINDOWS_1252;
        }
    }

    /** Lines of the sample; the last one is dropped when the sample was cut, since it may be partial. */
    private static List<String> firstLines(String text, int max, boolean cut) {
        List<String> out = new ArrayList<>();
        String[] split = text.split("\r\n|\n|\r", -1);
        int usable = cut ? split.length - 1 : split.length;
        for (int i = 0; i < usable && out.size() < max; i++) if (!split[i].isBlank()) out.add(split[i]);
        if (out.isEmpty() && split.length > 0 && !split[0].isBlank()) out.add(split[0]);
        return out;
    }

    private static char delimiter(List<String> lines) {
        char best = ',';
        double bestScore = 0;
        for (char c : CANDIDATES) {
            Map<Integer, Integer> frequency = new HashMap<>();
            for (String line : lines) frequency.merge(countOutsideQuotes(line, c), 1, Integer::sum);
            int mode = 0;
            int modeLines = 0;
            for (var e : frequency.entrySet()) {
                if (e.getKey() > 0 && (e.getValue() > modeLines || e.getValue() == modeLines && e.getKey() > mode)) {
                    mode = e.getKey();
                    modeLines = e.getValue();
                }
            }
            // Consistency matters most: a delimiter splits every line into the same number of cells.
            double score = modeLines == 0 ? 0 : modeLines * 1000.0 / lines.size() + Math.min(mode, 50);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == delimiter && !quoted) count++;
        }
        return count;
    }

    /** A first line holding an address is data; otherwise it names the columns. */
    private static boolean header(List<String> lines, char delimiter) {
        if (lines.isEmpty()) return true;
        for (String cell : lines.get(0).split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
            String v = cell.strip();
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
            if (v.contains("@") && (EmailSyntax.isValid(v) || v.contains("<"))) return false;
        }
        return true;
    }
}
