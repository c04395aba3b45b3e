package org.broadside.log;

/** Provider-specific rejections that name the rule broken (Gmail, Microsoft, Yahoo texts). */
final class ProviderRules {
    private ProviderRules() {
    }

    static ReplyExplainer.Entry match(int code, String enhanced, String upperText) {
        if (upperText.contains("TSS04")) {
            return entry("Yahoo deferred the message because of complaints from its users about mail from this IP",
                    "slow down, send only to engaged recipients and check the complaint rate; Yahoo retries are fine");
        }
        if (upperText.contains("TSS09")) {
            return entry("Yahoo deferred mail from this IP because of its reputation",
                    "slow down and send only wanted mail; the block lifts when reputation improves");
        }
        String e = enhanced != null ? enhanced : firstCodeIn(upperText);
        if (e == null) {
            return null;
        }
        return switch (e.substring(2)) {
            case "7.27" -> entry("the message failed the provider's SPF check for the sender's domain",
                    "add the sending server or relay to the domain's SPF record");
            case "7.30" -> entry("the message is not DKIM-signed as the provider requires",
                    "sign with DKIM (a key of at least 1024 bits) for the From domain");
            case "7.23", "7.25" -> entry("the sending IP has no matching reverse DNS (PTR) record",
                    "make the IP's PTR record name a host whose A record points back to the IP");
            case "7.29" -> entry("the provider requires TLS for this connection",
                    "use STARTTLS or SSL for this account");
            case "7.32" -> entry("the From domain is not aligned with the SPF or DKIM domain (DMARC alignment)",
                    "sign with DKIM for the From domain or send through a server covered by its SPF");
            case "7.26" -> entry("the message is unauthenticated: neither SPF nor DKIM passed",
                    "set up SPF and DKIM for the From domain and publish a DMARC record");
            case "7.28" -> entry("the provider is rate-limiting mail from this sender (unusual volume or complaints)",
                    "slow down; it will be retried later");
            case "7.515" -> entry("Microsoft rejected the message: the sending domain does not meet its authentication requirements",
                    "make SPF and DKIM pass and publish a DMARC record for the From domain");
            case "7.708" -> entry("Microsoft does not accept mail from this IP address (poor reputation)",
                    "send through a relay with a good reputation");
            case "7.650" -> entry("Microsoft is throttling mail from this IP because of its reputation",
                    "slow down; it will be retried later");
            default -> null;
        };
    }

    /** Microsoft and Gmail put the enhanced code in the text even when ENHANCEDSTATUSCODES parsing missed it. */
    private static String firstCodeIn(String text) {
        for (String known : new String[] {"7.515", "7.708", "7.650", "7.27", "7.30", "7.23", "7.29", "7.32", "7.26", "7.28"}) {
            int i = text.indexOf("." + known);
            if (i > 0 && i + 1 + known.length() <= text.length()) {
                char after = i + 1 + known.length() < text.length() ? text.charAt(i + 1 + known.length()) : ' ';
                if (!Character.isDigit(after)) {
                    return text.charAt(i - 1) + "." + known;
                }
            }
        }
        return null;
    }

    private static ReplyExplainer.Entry entry(String meaning, String advice) {
        return new ReplyExplainer.Entry(meaning, advice);
    }
}
