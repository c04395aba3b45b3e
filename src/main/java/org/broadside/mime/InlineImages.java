package org.broadside.mime;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds local images referenced by a campaign's HTML and turns them into cid: references plus inline parts. Runs once per campaign. */
public final class InlineImages {
    private static final Pattern REFERENCE = Pattern.compile(
            "(?i)\\bsrc\\s*=\\s*(?:\"(?<dq>[^\"]*)\"|'(?<sq>[^']*)'|(?<uq>[^\\s\"'>]+))"
            + "|url\\(\\s*(?:\"(?<udq>[^\"]*)\"|'(?<usq>[^']*)'|(?<uuq>[^\\s\"')]+))");
    private static final String[] GROUPS = {"dq", "sq", "uq", "udq", "usq", "uuq"};
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:");

    private InlineImages() {}

    /** The rewritten HTML and the images it now references by Content-ID, in order of first use. */
    public record Extracted(String html, List<InlineImage> images) {
        public Extracted {
            images = List.copyOf(images);
        }
    }

    /**
     * Rewrites {@code src="..."} and {@code url(...)} references to local files (relative to
     * {@code baseDir}, or file: URLs) into {@code cid:} references. http(s), data:, cid: and other
     * URLs are left alone. A referenced file that does not exist fails with an exception naming it.
     */
    public static Extracted extract(String html, Path baseDir) throws NoSuchFileException {
        Map<Path, InlineImage> images = new LinkedHashMap<>();
        Matcher m = REFERENCE.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        int copied = 0;
        while (m.find()) {
            String group = matchedGroup(m);
            String value = m.group(group);
            Path file = localFile(value, baseDir);
            if (file == null) {
                continue;
            }
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "inline image \"" + value + "\" referenced in the HTML does not exist");
            }
            InlineImage image = images.computeIfAbsent(file, f -> new InlineImage(contentId(images.size(), f), f, null));
            out.append(html, copied, m.start(group)).append("cid:").append(image.contentId());
            copied = m.end(group);
        }
        out.append(html, copied, html.length());
        return new Extracted(out.toString(), new ArrayList<>(images.values()));
    }

    private static String matchedGroup(Matcher m) {
        for (String g : GROUPS) {
            if (m.group(g) != null) {
                return g;
            }
        }
        throw new IllegalStateException("pattern matched without a value group");
    }

    /** The file a reference points to, or null when it is not a local file (remote, data:, cid:, anchors). */
    static Path localFile(String reference, Path baseDir) throws NoSuchFileException {
        String ref = reference.strip().replace("&amp;", "&");
        if (ref.isEmpty() || ref.startsWith("#") || ref.startsWith("//")) {
            return null;
        }
        if (SCHEME.matcher(ref).find()) {
            if (!ref.regionMatches(true, 0, "file:", 0, 5)) {
                return null;
            }
            try {
                return Path.of(URI.create(ref)).normalize();
            } catch (IllegalArgumentException e) {
                throw new NoSuchFileException(ref, null, "inline image URL is not a valid file: URL");
            }
        }
        int cut = indexOfAny(ref, '?', '#');
        String path = percentDecode(cut < 0 ? ref : ref.substring(0, cut));
        return baseDir.resolve(path).toAbsolutePath().normalize();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** %XX only; unlike URLDecoder a '+' stays a '+', as in a path. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Stable across runs (derived from the path), unique within the message. */
    private static String contentId(int index, Path file) {
        String hash = Base32.sha256(file.toString(), 10).toLowerCase(Locale.ROOT);
        return "img" + (index + 1) + "." + hash + "@broadside";
    }
}
