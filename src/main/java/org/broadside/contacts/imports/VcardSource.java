package org.broadside.contacts.imports;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.EmailType;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.TextProperty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * vCard files (2.1, 3.0, 4.0) as exported by address books, read with ez-vcard (ADR 0015): one row per card with its
 * preferred address, name, organisation, title and phone. Folding, escapes, quoted-printable and charsets are the
 * library's; choosing the address and naming the columns are ours.
 */
public final class VcardSource implements ContactSource {
    static final List<String> COLUMNS = List.of("Email", "First Name", "Last Name", "Full Name", "Organization", "Title", "Phone");

    private final String fileName;
    private final VcardLines lines;
    private final VCardReader reader;
    private long cards;

    private VcardSource(String fileName, VcardLines lines, Charset charset) {
        this.fileName = fileName;
        this.lines = lines;
        this.reader = new VCardReader(lines);
        // vCard 2.1 values in quoted-printable without a CHARSET parameter are in the file's own encoding.
        this.reader.setDefaultQuotedPrintableCharset(charset);
    }

    public static VcardSource open(Path file) {
        String name = SafeText.of(file.getFileName().toString(), 120);
        try {
            byte[] head = new byte[FileContent.HEAD_BYTES];
            int n;
            try (var in = Files.newInputStream(file)) {
                n = in.readNBytes(head, 0, head.length);
            }
            FileContent.Kind kind = FileContent.of(head, n);
            if (kind != FileContent.Kind.TEXT) throw new NotTextFileException(file.getFileName().toString(), kind);
            CsvDialect dialect = CsvDialectDetector.detect(head, n, ',', true);
            var decoder = dialect.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(dialect.bomLength());
            return new VcardSource(name, new VcardLines(new BufferedReader(new InputStreamReader(in, decoder))), dialect.charset());
        } catch (IOException e) {
            throw new ImportException("The file " + name + " cannot be read: " + SafeText.of(e.getMessage(), 200) + ".", e);
        }
    }

    @Override
    public List<String> columns() { return COLUMNS; }

    @Override
    public SourceRow next() {
        VCard card;
        try {
            card = reader.readNext();
        } catch (IOException | RuntimeException e) {
            throw new DamagedFileException("The file " + fileName + " is damaged or not a vCard file: it could not be read"
                    + " past card " + (cards + 1) + ".", e);
        }
        if (card == null) {
            if (cards == 0 && lines.sawText()) {
                throw new DamagedFileException("The file " + fileName + " is not a vCard file: no line in it says BEGIN:VCARD.", null);
            }
            return null;
        }
        cards++;
        long start = lines.takeCardStart();
        if (lines.atEnd() && lines.endedInsideCard()) {
            return SourceRow.broken(start, "the card is not closed with END:VCARD (the file may be cut short)");
        }
        return SourceRow.of(start, values(card));
    }

    private static List<String> values(VCard card) {
        StructuredName n = card.getStructuredName();
        return List.of(preferredAddress(card.getEmails()), n == null ? "" : text(n.getGiven()), n == null ? "" : text(n.getFamily()),
                first(card.getFormattedNames()), organization(card.getOrganization()), first(card.getTitles()),
                phone(card.getTelephoneNumbers()));
    }

    /**
     * The address with the best preference: vCard 4.0's PREF=1 is the highest and a missing PREF the lowest (RFC 6350
     * 5.3); 2.1 and 3.0 mark the preferred one with TYPE=pref (RFC 2426 3.3.2), ranked like PREF=1. Ties keep file order.
     */
    static String preferredAddress(List<Email> emails) {
        return emails.stream().filter(e -> !text(e.getValue()).isEmpty())
                .min(Comparator.comparingInt(VcardSource::rank))
                .map(e -> text(e.getValue())).orElse("");
    }

    private static int rank(Email e) {
        Integer pref = e.getPref();
        if (pref != null) return pref;
        return e.getTypes().contains(EmailType.PREF) ? 1 : Integer.MAX_VALUE;
    }

    private static String first(List<? extends TextProperty> properties) {
        return properties.stream().map(p -> text(p.getValue())).filter(v -> !v.isEmpty()).findFirst().orElse("");
    }

    private static String organization(Organization org) {
        if (org == null) return "";
        return org.getValues().stream().map(VcardSource::text).filter(v -> !v.isEmpty()).collect(Collectors.joining(" "));
    }

    private static String phone(List<Telephone> phones) {
        for (Telephone t : phones) {
            String v = t.getText() != null ? t.getText() : t.getUri() != null ? t.getUri().getNumber() : null;
            if (!text(v).isEmpty()) return text(v);
        }
        return "";
    }

    private static String text(String v) {
        return Objects.requireNonNullElse(v, "").strip();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Only read.
        }
    }
}
