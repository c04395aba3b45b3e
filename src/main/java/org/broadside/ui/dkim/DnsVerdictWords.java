package org.broadside.ui.dkim;

import org.broadside.deliverability.dkim.DkimRecordCheck;

/**
 * What a DNS check of a DKIM record means, in plain words, and what to do next. Chosen by the verdict (a type),
 * never by the wording of the check's detail, which is only quoted.
 */
public record DnsVerdictWords(String headline, String explanation) {

    public static DnsVerdictWords of(DkimRecordCheck.Result r) {
        String name = r.recordName();
        return switch (r.verdict()) {
            case MATCHES -> new DnsVerdictWords("Published and matches",
                    "DNS publishes this key at " + name + ". Receivers can verify the DKIM signature of your mail: nothing to do.");
            case MISSING -> new DnsVerdictWords("Not found",
                    "DNS has no DKIM record at " + name + " yet. At your DNS host (where the domain's records are managed), add a TXT "
                            + "record with that name and the value shown above, then press \"Check DNS\" again. A new record can take "
                            + "from a few minutes to a few hours to appear.");
            case DIFFERENT_KEY -> new DnsVerdictWords("Published, but a different key",
                    "DNS has a DKIM record at " + name + ", but not for the key Broadside signs with (" + r.detail()
                            + "). Replace that record's value with the one shown above; until then receivers see DKIM fail.");
            case REVOKED -> new DnsVerdictWords("Revoked",
                    "The record at " + name + " has an empty key (p=), which tells receivers the key is withdrawn. Replace its value "
                            + "with the one shown above.");
            case INVALID -> new DnsVerdictWords("Syntax error",
                    "The record at " + name + " cannot be used: " + r.detail() + ". Publish exactly one TXT record there, with the value "
                            + "shown above, copied whole.");
            case LOOKUP_FAILED -> new DnsVerdictWords("DNS error",
                    "The lookup did not get an answer (" + r.detail() + "). This says nothing about the record; check your network "
                            + "connection and press \"Check DNS\" again in a minute.");
        };
    }
}
