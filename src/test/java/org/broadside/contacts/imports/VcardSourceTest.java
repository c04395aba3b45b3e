package org.broadside.contacts.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** vCard 2.1, 3.0 and 4.0 read through ez-vcard, with the RFCs' own example cards. */
class VcardSourceTest {
    @TempDir
    Path dir;

    private Path vcf(String name, String text) throws IOException {
        return vcf(name, text, StandardCharsets.UTF_8);
    }

    private Path vcf(String name, String text, Charset charset) throws IOException {
        return Files.writeString(dir.resolve(name), text.replace("\n", "\r\n"), charset);
    }

    private static List<SourceRow> rows(Path file) {
        List<SourceRow> out = new ArrayList<>();
        try (ContactSource source = FileSources.open(file, null)) {
            SourceRow r;
            while ((r = source.next()) != null) out.add(r);
        }
        return out;
    }

    /** RFC 6350 section 8, verbatim: folded lines, a tel: URI with an extension, quoted TYPE lists. */
    @Test
    void theExampleCardOfRfc6350GivesItsAddressNameOrganisationAndPhone() throws IOException {
        Path f = vcf("rfc6350.vcf", """
                BEGIN:VCARD
                VERSION:4.0
                FN:Simon Perreault
                N:Perreault;Simon;;;ing. jr,M.Sc.
                BDAY:--0203
                ANNIVERSARY:20090808T1430-0500
                GENDER:M
                LANG;PREF=1:fr
                LANG;PREF=2:en
                ORG;TYPE=work:Viagenie
                ADR;TYPE=work:;Suite D2-630;2875 Laurier;
                 Quebec;QC;G1V 2M2;Canada
                TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102
                TEL;VALUE=uri;TYPE="work,cell,voice,video,text":tel:+1-418-262-6501
                EMAIL;TYPE=work:simon.perreault@viagenie.ca
                GEO;TYPE=work:geo:46.772673,-71.282945
                KEY;TYPE=work;VALUE=uri:
                 http://www.viagenie.ca/simon.perreault/simon.asc
                TZ:-0500
                URL;TYPE=home:http://nomis80.org
                END:VCARD
                """);

        List<SourceRow> rows = rows(f);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.values()).containsExactly("simon.perreault@viagenie.ca", "Simon", "Perreault", "Simon Perreault",
                    "Viagenie", "", "+1-418-656-9254");
            assertThat(r.line()).isEqualTo(1);
        });
    }

    /** RFC 6350 section 5.3: "a lower value corresponds to a higher level of preference", 1 the most preferred. */
    @Test
    void pref1WinsOverPref2WhateverTheirOrderInTheCard() throws IOException {
        Path f = vcf("pref.vcf", """
                BEGIN:VCARD
                VERSION:4.0
                FN:Jane Doe
                EMAIL:nopref@example.com
                EMAIL;PREF=2:second@example.com
                EMAIL;PREF=1:janedoe@example.com
                END:VCARD
                """);

        assertThat(rows(f).get(0).value(0)).isEqualTo("janedoe@example.com");
    }

    @Test
    void withoutAnyPreferenceTheFirstAddressIsTaken() throws IOException {
        Path f = vcf("nopref.vcf", """
                BEGIN:VCARD
                VERSION:4.0
                FN:Jane Doe
                EMAIL;TYPE=home:home@example.com
                EMAIL;TYPE=work:work@example.com
                END:VCARD
                """);

        assertThat(rows(f).get(0).value(0)).isEqualTo("home@example.com");
    }

    /** RFC 2426 section 7, verbatim: two 3.0 cards, TYPE=INTERNET,PREF on the address to take, folded ADR. */
    @Test
    void theExampleCardsOfRfc2426GiveOneRowEachWithThePreferredAddress() throws IOException {
        Path f = vcf("rfc2426.vcf", """
                BEGIN:vCard
                VERSION:3.0
                FN:Frank Dawson
                ORG:Lotus Development Corporation
                ADR;TYPE=WORK,POSTAL,PARCEL:;;6544 Battleford Drive
                 ;Raleigh;NC;27613-3502;U.S.A.
                TEL;TYPE=VOICE,MSG,WORK:+1-919-676-9515
                TEL;TYPE=FAX,WORK:+1-919-676-9564
                EMAIL;TYPE=INTERNET,PREF:Frank_Dawson@Lotus.com
                EMAIL;TYPE=INTERNET:fdawson@earthlink.net
                URL:http://home.earthlink.net/~fdawson
                END:vCard


                BEGIN:vCard
                VERSION:3.0
                FN:Tim Howes
                ORG:Netscape Communications Corp.
                ADR;TYPE=WORK:;;501 E. Middlefield Rd.;Mountain View;
                 CA; 94043;U.S.A.
                TEL;TYPE=VOICE,MSG,WORK:+1-415-937-3419
                TEL;TYPE=FAX,WORK:+1-415-528-4164
                EMAIL;TYPE=INTERNET:howes@netscape.com
                END:vCard
                """);

        List<SourceRow> rows = rows(f);

        assertThat(rows).extracting(SourceRow::values).containsExactly(
                List.of("Frank_Dawson@Lotus.com", "", "", "Frank Dawson", "Lotus Development Corporation", "", "+1-919-676-9515"),
                List.of("howes@netscape.com", "", "", "Tim Howes", "Netscape Communications Corp.", "", "+1-415-937-3419"));
        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 15L);
    }

    @Test
    void aSeparateTypePrefParameterIn30MarksThePreferredAddress() throws IOException {
        Path f = vcf("apple.vcf", """
                BEGIN:VCARD
                VERSION:3.0
                FN:Ann
                EMAIL;type=INTERNET;type=WORK:work@example.com
                EMAIL;type=INTERNET;type=HOME;type=pref:home@example.com
                END:VCARD
                """);

        assertThat(rows(f).get(0).value(0)).isEqualTo("home@example.com");
    }

    /** vCard 2.1: quoted-printable with its CHARSET, a soft line break, and a bare PREF parameter. */
    @Test
    void aQuotedPrintable21CardIsDecodedInItsCharset() throws IOException {
        Path f = vcf("old.vcf", """
                BEGIN:VCARD
                VERSION:2.1
                N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen
                FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller, Gesch=C3=A4fts=
                f=C3=BChrer
                TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Gesch=C3=A4ftsf=C3=BChrer
                EMAIL;INTERNET:other@example.de
                EMAIL;PREF;INTERNET:jm@example.de
                TEL;CELL:+49 170 1234567
                END:VCARD
                """, StandardCharsets.US_ASCII);

        assertThat(rows(f)).singleElement().extracting(SourceRow::values).isEqualTo(List.of("jm@example.de", "Jürgen",
                "Müller", "Jürgen Müller, Geschäftsführer", "", "Geschäftsführer", "+49 170 1234567"));
    }

    @Test
    void aCardCutShortAtTheEndOfTheFileIsReportedAtItsFirstLine() throws IOException {
        Path f = vcf("cut.vcf", """
                BEGIN:VCARD
                VERSION:3.0
                FN:Whole
                EMAIL:whole@example.com
                END:VCARD
                BEGIN:VCARD
                VERSION:3.0
                FN:Cut
                EMAIL:cut@exam""");

        List<SourceRow> rows = rows(f);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).value(0)).isEqualTo("whole@example.com");
        assertThat(rows.get(1).line()).isEqualTo(6);
        assertThat(rows.get(1).problem()).contains("not closed with END:VCARD");
    }

    @Test
    void aTextFileWithoutCardsIsNotAVcardFile() throws IOException {
        Path f = vcf("notes.vcf", "Email,Name\na@example.com,Al\n");

        assertThatThrownBy(() -> rows(f)).isInstanceOf(DamagedFileException.class)
                .hasMessage("The file notes.vcf is not a vCard file: no line in it says BEGIN:VCARD.");
    }

    @Test
    void aBinaryFileGivenAsVcardIsRefusedWithoutItsBytes() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xFF, (byte) 0xFE};
        Path f = Files.write(dir.resolve("photo.vcf"), png);

        assertThatThrownBy(() -> rows(f)).isInstanceOf(NotTextFileException.class)
                .hasMessage("The file photo.vcf is not a text file (it looks like an image).");
    }
}
