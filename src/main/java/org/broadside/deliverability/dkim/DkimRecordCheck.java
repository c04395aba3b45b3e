package org.broadside.deliverability.dkim;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.broadside.deliverability.dns.DnsException;
import org.broadside.deliverability.dns.DnsLookup;

/** Compares the published DKIM key record (selector._domainkey.domain) with the key Broadside signs with. */
public final class DkimRecordCheck {
    /** What the published record says about the key. */
    public enum Verdict { MATCHES, MISSING, DIFFERENT_KEY, REVOKED, INVALID, LOOKUP_FAILED }

    /** The verdict and a sentence for the user. */
    public record Result(Verdict verdict, String recordName, String detail) {
    }

    private DkimRecordCheck() {
    }

    public static Result compare(DnsLookup dns, String domain, String selector, PublicKey key) {
        String name = selector + "._domainkey." + domain;
        List<String> records;
        try {
            records = dns.txt(name);
        } catch (DnsException e) {
            return new Result(Verdict.LOOKUP_FAILED, name, "could not look up " + name + ": " + e.getMessage());
        }
        List<String> keyRecords = new ArrayList<>();
        for (String r : records) {
            Map<String, String> tags = tags(r);
            if (tags.containsKey("p") && (!tags.containsKey("v") || tags.get("v").equals("DKIM1"))) {
                keyRecords.add(r);
            }
        }
        if (keyRecords.isEmpty()) {
            return new Result(Verdict.MISSING, name, "no DKIM key record at " + name);
        }
        if (keyRecords.size() > 1) {
            return new Result(Verdict.INVALID, name, keyRecords.size() + " DKIM key records at " + name
                    + "; receivers may pick either, publish exactly one");
        }
        Map<String, String> tags = tags(keyRecords.get(0));
        String p = tags.get("p").replaceAll("\\s+", "");
        if (p.isEmpty()) {
            return new Result(Verdict.REVOKED, name, "the record at " + name + " has an empty p=: the key is revoked");
        }
        DkimKeyType type = DkimKeys.typeOf(key);
        String k = tags.getOrDefault("k", "rsa");
        if (!k.equalsIgnoreCase(type.keyTag())) {
            return new Result(Verdict.DIFFERENT_KEY, name, "the record is for a " + k + " key, Broadside signs with "
                    + type.keyTag());
        }
        byte[] published;
        try {
            published = Base64.getDecoder().decode(p);
        } catch (IllegalArgumentException e) {
            return new Result(Verdict.INVALID, name, "the p= value at " + name + " is not valid base64");
        }
        if (!Arrays.equals(published, DkimKeys.publicKeyBytes(key))) {
            return new Result(Verdict.DIFFERENT_KEY, name, "the key published at " + name
                    + " is not the key Broadside signs with: receivers will see DKIM fail");
        }
        return new Result(Verdict.MATCHES, name, "the key published at " + name + " matches the signing key");
    }

    /** Tag=value pairs of a DKIM record (RFC 6376 3.2); later duplicates are ignored. */
    static Map<String, String> tags(String record) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : record.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return out;
    }
}
