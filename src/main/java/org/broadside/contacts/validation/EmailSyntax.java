package org.broadside.contacts.validation;

import java.net.IDN;

/**
 * Practical address syntax (RFC 5321/5322 as mail servers accept it, plus RFC 6531 internationalised addresses):
 * a dot-atom or quoted local part, a domain of letters, digits and hyphens with a dot, or an IP literal.
 * Comments, folding whitespace and other obsolete forms are refused because real servers refuse them.
 */
public final class EmailSyntax {
    private static final String ATOM_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private EmailSyntax() {}

    /** Null when the address is acceptable, otherwise the reason in a few words. */
    public static String problem(String address) {
        if (address == null || address.isBlank()) return "no address";
        String a = address.strip();
        if (a.length() > 254) return "longer than 254 characters";
        int at = a.lastIndexOf('@');
        if (at < 0) return "no @";
        if (at == 0) return "nothing before the @";
        if (at == a.length() - 1) return "nothing after the @";
        String local = a.substring(0, at);
        String domain = a.substring(at + 1);
        String localProblem = localProblem(local);
        if (localProblem != null) return localProblem;
        return domainProblem(domain);
    }

    public static boolean isValid(String address) { return problem(address) == null; }

    private static String localProblem(String local) {
        if (local.length() > 64) return "the part before the @ is longer than 64 characters";
        if (local.startsWith("\"") && local.endsWith("\"") && local.length() >= 2) {
            for (int i = 1; i < local.length() - 1; i++) {
                char c = local.charAt(i);
                if (c == '\\') i++;
                else if (c == '"' || c < 32 || c == 127) return "a quoted name contains a character mail servers refuse";
            }
            return null;
        }
        if (local.startsWith(".") || local.endsWith(".")) return "the part before the @ starts or ends with a dot";
        if (local.contains("..")) return "two dots in a row";
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.'
                    || ATOM_SPECIALS.indexOf(c) >= 0 || c >= 0x80 && !Character.isWhitespace(c) && !Character.isISOControl(c);
            if (!ok) return c == ' ' ? "contains a space" : "contains '" + c + "' before the @";
        }
        return null;
    }

    private static String domainProblem(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) return ipLiteralProblem(domain.substring(1, domain.length() - 1));
        String ascii = domain;
        if (!isAscii(domain)) {
            try {
                ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return "the domain is not a valid international domain name";
            }
        }
        if (ascii.length() > 253) return "the domain is longer than 253 characters";
        if (!ascii.contains(".")) return "the domain has no dot";
        if (ascii.endsWith(".")) ascii = ascii.substring(0, ascii.length() - 1);
        // Label by label without splitting: every address of a million-row import passes here.
        int start = 0;
        boolean numericLast = false;
        while (start <= ascii.length()) {
            int end = ascii.indexOf('.', start);
            if (end < 0) end = ascii.length();
            String problem = labelProblem(ascii, start, end);
            if (problem != null) return problem;
            numericLast = allDigits(ascii, start, end);
            start = end + 1;
        }
        if (numericLast) return "the domain ends with a number";
        return null;
    }

    private static String labelProblem(String domain, int start, int end) {
        if (start == end) return "the domain has an empty part";
        if (end - start > 63) return "a part of the domain is longer than 63 characters";
        if (domain.charAt(start) == '-' || domain.charAt(end - 1) == '-') return "a part of the domain starts or ends with a hyphen";
        for (int i = start; i < end; i++) {
            char c = domain.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return c == ' ' ? "the domain contains a space" : "the domain contains '" + c + "'";
            }
        }
        return null;
    }

    private static boolean allDigits(String s, int start, int end) {
        for (int i = start; i < end; i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 128) return false;
        return true;
    }

    private static String ipLiteralProblem(String ip) {
        if (ip.regionMatches(true, 0, "IPv6:", 0, 5)) {
            return ip.substring(5).matches("[0-9A-Fa-f:.]+") ? null : "the IPv6 address is not valid";
        }
        String[] parts = ip.split("\\.", -1);
        if (parts.length != 4) return "the IP address is not valid";
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) return "the IP address is not valid";
        }
        return null;
    }
}
