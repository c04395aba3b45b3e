package org.broadside.contacts.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.IDN;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text format of disposable-domain lists: UTF-8, one domain a line, "#" starts a comment, blank lines are
 * ignored, and (in the user's own file only) "!domain" makes an exception to the list. A JSON array of domain
 * strings is read too, because that is how the npm package the shipped list comes from publishes it (index.json).
 */
final class DisposableListFile {
    private static final Pattern ASCII_DOMAIN = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,62}\\.)+[a-z0-9-]{1,63}");

    /** The domains and the exceptions ("!domain" lines) of one file. */
    record Entries(Set<String> domains, Set<String> exceptions) {
    }

    private DisposableListFile() {
    }

    /**
     * Reads a list; every line must be a domain (or a comment), else the error names the line.
     *
     * @param allowExceptions whether "!domain" lines are accepted
     */
    static Entries read(InputStream in, String name, boolean allowExceptions) throws DisposableListException {
        String text;
        try {
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                if (b == 0) {
                    throw new DisposableListException(name + " is not a text file (it contains NUL bytes); a list is one domain a line");
                }
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DisposableListException(name + " is not UTF-8 text; a list is one domain a line", e);
        } catch (IOException e) {
            throw new DisposableListException("could not read " + name + ": " + e.getMessage(), e);
        }
        if (text.stripLeading().startsWith("[")) {
            return new Entries(jsonArray(text, name), Set.of());
        }
        Set<String> domains = new HashSet<>();
        Set<String> exceptions = new HashSet<>();
        int lineNo = 0;
        for (String raw : text.split("\r?\n", -1)) {
            lineNo++;
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean exception = line.startsWith("!");
            if (exception && !allowExceptions) {
                throw new DisposableListException(name + " line " + lineNo + ": \"!\" exceptions belong in your own "
                        + DisposableDomains.USER_FILE + ", not in a list");
            }
            String domain = canonical(exception ? line.substring(1).strip() : line);
            if (domain == null) {
                throw new DisposableListException(name + " line " + lineNo + ": \"" + shorten(line) + "\" is not a domain name");
            }
            (exception ? exceptions : domains).add(domain);
        }
        return new Entries(domains, exceptions);
    }

    private static Set<String> jsonArray(String text, String name) throws DisposableListException {
        com.fasterxml.jackson.databind.JsonNode array;
        try {
            array = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new DisposableListException(name + " starts like a JSON array but is not valid JSON; a list is a JSON "
                    + "array of domains or one domain a line", e);
        }
        if (array == null || !array.isArray()) {
            throw new DisposableListException(name + " is not a JSON array of domains");
        }
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            var item = array.get(i);
            String domain = item.isTextual() ? canonical(item.asText().strip()) : null;
            if (domain == null) {
                throw new DisposableListException(name + " entry " + (i + 1) + ": \"" + shorten(item.toString())
                        + "\" is not a domain name");
            }
            domains.add(domain);
        }
        return domains;
    }

    /** Lower-case ASCII (punycode) form of a domain, or null when it is not one. */
    static String canonical(String domain) {
        String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return d.length() <= 253 && ASCII_DOMAIN.matcher(d).matches() ? d : null;
    }

    private static String shorten(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
