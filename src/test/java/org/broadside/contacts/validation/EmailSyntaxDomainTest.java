package org.broadside.contacts.validation;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain check walks the labels in place; it answers what the version that split the domain answered. */
class EmailSyntaxDomainTest {
    @Test
    void randomDomainsGetTheSameAnswerAsSplittingThem() {
        Random random = new Random(17);
        String alphabet = "ab9-._ ";
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextInt(20) == 0) sb.append("x".repeat(60 + random.nextInt(8)));
            String domain = sb.toString();
            if (!domain.strip().equals(domain)) continue; // the address is stripped before the domain is looked at
            assertThat(EmailSyntax.problem("a@" + domain)).as("[%s]", domain).isEqualTo(reference(domain));
        }
    }

    /** The label checks of EmailSyntax before, for an ASCII domain. */
    private static String reference(String ascii) {
        if (ascii.startsWith("[") && ascii.endsWith("]")) return null;
        if (ascii.length() > 253) return "the domain is longer than 253 characters";
        if (!ascii.contains(".")) return "the domain has no dot";
        if (ascii.endsWith(".")) ascii = ascii.substring(0, ascii.length() - 1);
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) return "the domain has an empty part";
            if (label.length() > 63) return "a part of the domain is longer than 63 characters";
            if (label.startsWith("-") || label.endsWith("-")) return "a part of the domain starts or ends with a hyphen";
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return c == ' ' ? "the domain contains a space" : "the domain contains '" + c + "'";
                }
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.chars().allMatch(Character::isDigit)) return "the domain ends with a number";
        return null;
    }
}
