package org.broadside.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Contact field values as the JSON object stored in one column. */
public final class FieldsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {};

    private FieldsJson() {}

    public static String write(Map<String, String> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Contact fields could not be written as JSON", e);
        }
    }

    public static Map<String, String> read(String json) {
        if (json == null || json.isEmpty() || json.equals("{}")) return new LinkedHashMap<>();
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contact fields are not valid JSON", e);
        }
    }
}
