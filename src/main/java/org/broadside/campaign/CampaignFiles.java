package org.broadside.campaign;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reads and writes campaign documents as JSON, strictly: unknown keys and wrong types are refused with their place. */
public final class CampaignFiles {
    private static final ObjectMapper MAPPER = strictMapper();

    private CampaignFiles() {}

    static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        // "subject": 5 is a mistake, not the subject "5".
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    public static CampaignDocument read(Path file) throws CampaignFormatException {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CampaignFormatException("The campaign file " + file + " does not exist.");
        } catch (IOException e) {
            throw new CampaignFormatException("Cannot read the campaign file " + file + ": " + e.getMessage(), e);
        }
        return new CampaignDocument(parse(json, file.getFileName().toString()), file.toAbsolutePath());
    }

    /** Parses a document's JSON; {@code source} names it in error messages. */
    public static Campaign parse(String json, String source) throws CampaignFormatException {
        if (json.isBlank()) throw new CampaignFormatException(source + " is empty; a campaign document is a JSON object.");
        try {
            Campaign c = MAPPER.readValue(json, Campaign.class);
            if (c == null) throw new CampaignFormatException(source + " holds null; a campaign document is a JSON object.");
            return c;
        } catch (JsonProcessingException e) {
            throw new CampaignFormatException(describe(e, source, json), e);
        }
    }

    public static String toJson(Campaign campaign) {
        try {
            return MAPPER.writeValueAsString(campaign) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A campaign could not be written as JSON", e);
        }
    }

    /** Writes atomically (temp file + rename), so a crash mid-save never leaves a half-written document. */
    public static void write(Campaign campaign, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".campaign", ".tmp");
        try {
            Files.writeString(tmp, toJson(campaign));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes {@code campaign} over {@code file} only if the file still holds {@code expected} (what this window read or
     * wrote last; null for "the file must not exist"), and answers what it wrote, the next save's {@code expected}.
     * The check and the rename are not one atomic step (no file system offers that across a shared folder), but the
     * window between them is a few microseconds against minutes of editing, which is the race that matters.
     */
    public static String writeIfUnchanged(Campaign campaign, Path file, String expected) throws IOException {
        String onDisk = Files.exists(file) ? Files.readString(file) : null;
        if (!Objects.equals(onDisk, expected)) {
            String when = onDisk == null ? "it was deleted or moved"
                    : "last changed " + DateTimeFormatter.ofPattern("d MMM HH:mm")
                            .format(Files.getLastModifiedTime(file).toInstant().atZone(ZoneId.systemDefault()));
            throw new CampaignChangedOnDiskException(file, when);
        }
        write(campaign, file);
        return toJson(campaign);
    }

    static String describe(JsonProcessingException e, String source, String json) {
        JsonLocation loc = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? locate(json, m.getPath()) : null;
        if (loc == null) loc = e.getLocation();
        String where = source + (loc == null ? "" : " line " + loc.getLineNr() + ", column " + loc.getColumnNr());
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return where + ": unknown key \"" + path(u) + "\"" + (known.isEmpty() ? "" : " (known keys here: " + known + ")");
        }
        if (e instanceof InvalidFormatException f) {
            return where + ": key \"" + path(f) + "\" has the value " + f.getValue() + ", which is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return where + ": key \"" + path(m) + "\" must be " + expected(m.getTargetType());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return where + ": key \"" + path(m) + "\": " + m.getOriginalMessage();
        }
        return where + ": not valid JSON (" + e.getOriginalMessage() + ")";
    }

    /**
     * Where the key of a path starts in the text. Jackson reports records (built through their constructor) at the end
     * of the object, which would send the user to the wrong line; a streaming pass finds the key itself.
     */
    static JsonLocation locate(String json, java.util.List<JsonMappingException.Reference> path) {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            int depth = 0;
            int matched = 0;
            java.util.Deque<Integer> arrayIndex = new java.util.ArrayDeque<>();
            JsonLocation found = null;
            com.fasterxml.jackson.core.JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> {
                        depth++;
                        if (t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) arrayIndex.push(-1);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        if (t == com.fasterxml.jackson.core.JsonToken.END_ARRAY) arrayIndex.pop();
                        depth--;
                        if (depth < matched) return found;
                    }
                    case FIELD_NAME -> {
                        if (depth == matched + 1 && matched < path.size() && p.currentName().equals(path.get(matched).getFieldName())) {
                            found = p.currentTokenLocation();
                            matched++;
                            if (matched == path.size()) return found;
                        }
                    }
                    default -> { }
                }
            }
            return found;
        } catch (IOException ex) {
            return null;
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(document)" : sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) return "of the expected type";
        if (type == String.class) return "a text in quotes";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (java.util.List.class.isAssignableFrom(type)) return "a list in [brackets]";
        if (java.util.Map.class.isAssignableFrom(type)) return "an object in {braces}";
        if (type.isRecord()) return "an object in {braces}";
        return "a " + type.getSimpleName();
    }
}
