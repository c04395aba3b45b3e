package org.broadside.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.broadside.store.StoreException;

import java.util.Locale;

/**
 * The config column of the accounts table. Written field by field from {@link Account}, which has no secret
 * component, so no secret can reach it. The name is its own column and is not repeated here.
 */
final class AccountJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int VERSION = 1;

    private AccountJson() {}

    static String write(Account a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("version", VERSION);
        n.put("kind", lower(a.kind()));
        n.put("host", a.host());
        n.put("port", a.port());
        n.put("security", lower(a.security()));
        n.put("auth", lower(a.auth()));
        n.put("username", a.username());
        n.put("ehloName", a.ehloName());
        n.put("connections", a.connections());
        n.put("messagesPerConnection", a.messagesPerConnection());
        n.put("groupSize", a.groupSize());
        n.put("groupIntervalMillis", a.groupIntervalMillis());
        n.put("maxPerHour", a.maxPerHour());
        n.put("maxPerDay", a.maxPerDay());
        n.put("pinnedSha256", a.pinnedSha256());
        n.put("maxConnectionFailures", a.maxConnectionFailures());
        n.put("chunkingWindow", a.chunkingWindow());
        return n.toString();
    }

    static Account read(String name, String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return new Account(name, text(n, "host"), n.path("port").asInt(), AccountSecurity.valueOf(upper(n, "security")),
                    AccountAuth.valueOf(upper(n, "auth")), text(n, "username"), text(n, "ehloName"),
                    n.path("connections").asInt(1), n.path("messagesPerConnection").asInt(0),
                    n.path("groupSize").asInt(0), n.path("groupIntervalMillis").asLong(0),
                    n.path("maxPerHour").asInt(0), n.path("maxPerDay").asInt(0), text(n, "pinnedSha256"),
                    AccountKind.valueOf(upper(n, "kind")),
                    // Absent in accounts saved before the setting existed.
                    n.path("maxConnectionFailures").asInt(Account.DEFAULT_MAX_CONNECTION_FAILURES),
                    n.path("chunkingWindow").asInt(Account.DEFAULT_CHUNKING_WINDOW));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new StoreException("The stored settings of account " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static String lower(Enum<?> e) { return e.name().toLowerCase(Locale.ROOT); }

    private static String upper(JsonNode n, String field) { return n.get(field).asText().toUpperCase(Locale.ROOT); }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
