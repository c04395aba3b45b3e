package org.broadside.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The sender's look of the landing page: the name people know the mail by and two colours. Read from a small JSON
 * settings file ({@code {"name": "Acme News", "color": "#0b5394", "background": "#ffffff"}}); colours must be
 * {@code #rgb} or {@code #rrggbb}, so nothing from the file can reach the style sheet but a colour.
 *
 * @param name the sender's name, or null to use the campaign's name
 */
public record PageStyle(String name, String color, String background) {
    private static final Pattern COLOUR = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    public static final PageStyle DEFAULT = new PageStyle(null, "#1f5fa8", "#f6f7f9");

    public PageStyle {
        if (name != null && (name.isBlank() || name.length() > 120)) throw new InvalidPageStyleException("\"name\" must be 1 to 120 characters");
        if (!COLOUR.matcher(color).matches()) throw new InvalidPageStyleException("\"color\" must be #rgb or #rrggbb, not \"" + color + "\"");
        if (!COLOUR.matcher(background).matches()) throw new InvalidPageStyleException("\"background\" must be #rgb or #rrggbb, not \"" + background + "\"");
    }

    /** Reads the settings file; missing keys take the defaults. */
    public static PageStyle read(Path file) throws IOException {
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidPageStyleException(file + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw new InvalidPageStyleException(file + " must hold a JSON object");
        return new PageStyle(text(n, "name", null), text(n, "color", DEFAULT.color), text(n, "background", DEFAULT.background));
    }

    private static String text(JsonNode n, String key, String fallback) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** A settings file that does not say what the page needs, with what is wrong. */
    public static final class InvalidPageStyleException extends IllegalArgumentException {
        public InvalidPageStyleException(String message) {
            super(message);
        }
    }
}
