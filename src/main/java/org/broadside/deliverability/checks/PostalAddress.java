package org.broadside.deliverability.checks;

import java.util.regex.Pattern;

/**
 * A heuristic for "the message contains a physical postal address" (CAN-SPAM): a post-office box, or a street
 * word together with a postal code. It can be fooled either way, so its finding is a warning, never a failure.
 */
final class PostalAddress {
    private static final Pattern PO_BOX = Pattern.compile("(?i)\\b(p\\.?\\s?o\\.?\\s?box|postfach|boîte postale|apartado)\\b");
    private static final Pattern STREET = Pattern.compile("(?iu)(\\d+\\w?\\s+[\\p{L} .'-]{2,40}\\b(street|st\\.?|avenue|ave\\.?|road|rd\\.?"
            + "|boulevard|blvd\\.?|lane|ln\\.?|drive|dr\\.?|way|place|pl\\.?|square|sq\\.?|suite|court|ct\\.?)\\b"
            + "|\\b[\\p{L}-]*(straße|strasse|str\\.|gasse|weg|platz|allee)\\s*\\d+"
            + "|\\b\\d+,?\\s+(rue|avenue|boulevard|place|chemin|via|viale|piazza|calle|avenida)\\b"
            + "|\\b(rue|via|viale|piazza|calle|avenida)\\s+[\\p{L}' -]{2,40}\\d*)");
    private static final Pattern POSTCODE = Pattern.compile("(?i)(\\b\\d{5}(-\\d{4})?\\b|\\b\\d{4}\\b"
            + "|\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b|\\b[A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d\\b)");
    private static final String TITLE = "Postal address";

    private PostalAddress() {
    }

    static DomainCheck check(String text) {
        if (PO_BOX.matcher(text).find() || STREET.matcher(text).find() && POSTCODE.matcher(text).find()) {
            return DomainCheck.pass(TITLE, "the message appears to contain a postal address");
        }
        return DomainCheck.warn(TITLE, "no postal address found; CAN-SPAM requires the sender's physical address",
                "add your postal address to the footer");
    }
}
