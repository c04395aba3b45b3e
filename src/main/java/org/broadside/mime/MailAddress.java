package org.broadside.mime;

import java.net.IDN;

/** A mailbox with an optional display name; the address is checked so it can never smuggle a header or SMTP line. */
public record MailAddress(String displayName, String address) {

    public MailAddress {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("mail address is empty");
        }
        rejectLineBreaks("display name", displayName);
        rejectLineBreaks("address", address);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("mail address needs a local part and a domain: " + address);
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == ',' || c == 0x7F) {
                throw new IllegalArgumentException("mail address contains a forbidden character: " + address);
            }
        }
        asciiDomain(address.substring(at + 1)); // throws on a domain that cannot be written in a header
        if (displayName != null && displayName.isBlank()) {
            displayName = null;
        }
    }

    public MailAddress(String address) {
        this(null, address);
    }

    /** Parses {@code "Name <a@b>"}, {@code "\"Last, First\" <a@b>"}, {@code "<a@b>"} or {@code "a@b"}. */
    public static MailAddress parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("mail address is empty");
        }
        rejectLineBreaks("address", s);
        String t = s.strip();
        int lt = t.lastIndexOf('<');
        if (lt < 0) {
            return new MailAddress(null, t);
        }
        if (!t.endsWith(">")) {
            throw new IllegalArgumentException("mail address has '<' without a closing '>': " + s);
        }
        String address = t.substring(lt + 1, t.length() - 1).strip();
        String name = t.substring(0, lt).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return new MailAddress(name.isEmpty() ? null : name, address);
    }

    /** The domain as given (may be Unicode). */
    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    public String localPart() {
        return address.substring(0, address.lastIndexOf('@'));
    }

    /** True when the local part is not ASCII: such a message needs SMTPUTF8 (RFC 6531/6532). */
    public boolean hasNonAsciiLocalPart() {
        return !isAscii(localPart());
    }

    /** The address as written in headers and SMTP commands: domain in punycode, local part unchanged. */
    public String headerAddress() {
        return withAsciiDomain(address);
    }

    /**
     * {@code address} with its domain in punycode and its local part unchanged (SMTP commands and headers carry
     * internationalised domains that way); returned as it is when it has no "@" or an ASCII domain.
     */
    public static String withAsciiDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) return address;
        String domain = address.substring(at + 1);
        return isAscii(domain) ? address : address.substring(0, at + 1) + asciiDomain(domain);
    }

    /** The domain in punycode; ASCII domains are returned as they are without going through IDN. */
    public static String asciiDomain(String domain) {
        if (isAscii(domain)) {
            return domain;
        }
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("domain cannot be converted to punycode: " + domain, e);
        }
    }

    static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static void rejectLineBreaks(String what, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException(what + " contains CR, LF or NUL: refused");
        }
    }

    @Override
    public String toString() {
        return displayName == null ? address : displayName + " <" + address + ">";
    }
}
