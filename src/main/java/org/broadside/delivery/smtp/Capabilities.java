package org.broadside.delivery.smtp;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The extensions a server listed in its EHLO reply (all false after a HELO fallback). {@code chunking}: RFC 3030
 * BDAT.
 */
public record Capabilities(boolean esmtp, boolean pipelining, boolean eightBitMime, boolean smtpUtf8,
                           boolean startTls, Set<String> authMechanisms, long maxSize,
                           boolean enhancedStatusCodes, List<String> keywords, boolean chunking) {
    public Capabilities {
        authMechanisms = Collections.unmodifiableSet(new LinkedHashSet<>(authMechanisms));
        keywords = List.copyOf(keywords);
    }

    /** No extensions: the server only answered HELO. */
    public static Capabilities none() {
        return new Capabilities(false, false, false, false, false, Set.of(), 0, false, List.of(), false);
    }

    /** Reads the EHLO reply; the first line is the server's greeting name, the rest are keywords. */
    public static Capabilities fromEhlo(Reply ehlo) {
        boolean pipelining = false;
        boolean eightBit = false;
        boolean utf8 = false;
        boolean tls = false;
        boolean enhanced = false;
        boolean chunking = false;
        long size = 0;
        Set<String> auth = new LinkedHashSet<>();
        List<String> lines = ehlo.lines();
        for (int i = 1; i < lines.size(); i++) {
            String[] words = lines.get(i).trim().split(" +");
            String kw = words[0].toUpperCase(Locale.ROOT);
            switch (kw) {
                case "PIPELINING" -> pipelining = true;
                case "8BITMIME" -> eightBit = true;
                case "SMTPUTF8" -> utf8 = true;
                case "STARTTLS" -> tls = true;
                case "ENHANCEDSTATUSCODES" -> enhanced = true;
                case "CHUNKING" -> chunking = true;
                case "SIZE" -> size = words.length > 1 ? parseSize(words[1]) : 0;
                default -> {
                    // "AUTH=LOGIN PLAIN" is an old Outlook spelling of the same keyword.
                    if (kw.equals("AUTH") || kw.startsWith("AUTH=")) {
                        if (kw.startsWith("AUTH=")) {
                            auth.add(kw.substring(5));
                        }
                        for (int w = 1; w < words.length; w++) {
                            auth.add(words[w].toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        List<String> keywords = lines.size() > 1 ? lines.subList(1, lines.size()) : List.of();
        return new Capabilities(true, pipelining, eightBit, utf8, tls, auth, size, enhanced, keywords, chunking);
    }

    private static long parseSize(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
