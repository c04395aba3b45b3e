package org.broadside.delivery;

import org.broadside.contacts.BlacklistRepository;
import org.broadside.merge.Condition;
import org.broadside.contacts.ContactList;
import org.broadside.contacts.EmailKeys;
import org.broadside.contacts.FieldsJson;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Takes the campaign's list once, when it first starts: the list's contacts that pass the filter become its
 * recipients, and those that are blacklisted, invalid, duplicated or missing required data are kept as SKIPPED
 * with the reason (so the report accounts for everyone the user expected).
 */
public final class CampaignFreezer {
    private final BlacklistRepository blacklist;
    private final CampaignRepository campaigns;

    public CampaignFreezer(BlacklistRepository blacklist, CampaignRepository campaigns) {
        this.blacklist = blacklist;
        this.campaigns = campaigns;
    }

    /**
     * Freezes unless already frozen; returns the campaign as stored afterwards.
     *
     * @param filter         which contacts the campaign is for (all when null)
     * @param invalidReason  why an address cannot be sent to, or null when it can
     * @param requiredFields fields every recipient must have
     */
    public CampaignRecord freeze(CampaignRecord campaign, ContactList list, Condition filter,
                                 Function<String, String> invalidReason, List<String> requiredFields) {
        if (campaign.frozen()) return campaign;
        BlacklistRepository.Matcher blocked = blacklist.snapshot();
        // 64-bit digests instead of the addresses themselves: a million recipients cost ~50 MB, not ~150 MB.
        Set<Long> seen = new HashSet<>();
        // The rows are copied inside the store (the filter runs in SQL there, the fields are copied as stored); the
        // rules read each recipient's address, and its fields only when some are required.
        campaigns.freezeFromList(campaign.id(), list.id(), filter, new CampaignRepository.SkipRule() {
            @Override
            public String reason(String email, String fieldsJson) {
                Map<String, String> fields = requiredFields.isEmpty() ? Map.of() : FieldsJson.read(fieldsJson);
                return skipReason(email, fields, seen, blocked, invalidReason, requiredFields);
            }

            @Override
            public boolean readsFields() {
                return !requiredFields.isEmpty();
            }
        });
        return campaigns.find(campaign.uid()).orElseThrow();
    }

    private static String skipReason(String email, Map<String, String> fields, Set<Long> seen, BlacklistRepository.Matcher blocked,
                                     Function<String, String> invalidReason, List<String> requiredFields) {
        String invalid = invalidReason.apply(email);
        if (invalid != null) return "invalid address: " + invalid;
        String key = EmailKeys.key(email);
        if (!seen.add(digest(key))) return "duplicate address";
        String match = blocked.matchKey(key);
        if (match != null) return "blacklisted (" + match + ")";
        for (String required : requiredFields) {
            String value = valueOf(fields, required);
            if (value == null || value.isBlank()) return "missing required field \"" + required + "\"";
        }
        return null;
    }

    private static String valueOf(Map<String, String> fields, String name) {
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name.strip())) return e.getValue();
        }
        return null;
    }

    private static long digest(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ ((long) key.hashCode() << 32);
    }
}
