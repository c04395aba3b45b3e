package org.broadside.merge;

import java.util.Arrays;

/** Turns an offset into a 1-based line and column; a line ends at LF, CR LF or a lone CR. */
final class TextPositions {
    private final int[] lineStarts;

    TextPositions(String source) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == source.length() || source.charAt(i + 1) != '\n'));
            if (lineEnd) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    int line(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    TemplateSyntaxException error(int offset, String problem) {
        return new TemplateSyntaxException(line(offset), column(offset), problem);
    }
}
