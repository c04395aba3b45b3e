package org.broadside.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldNamesTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "First Name|first name",
            "'  First   Name  '|first name",
            "'First\tName'|first name",
            "EMAIL|email",
            "TITLE|title",
    })
    void normalizeTrimsCollapsesWhitespaceAndLowerCases(String raw, String expected) {
        assertThat(FieldNames.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" valid={1}")
    @CsvSource(delimiter = '|', value = {
            "first name|true",
            "e-mail|true",
            "zip_code|true",
            "addr.2|true",
            "prénom|true",
            "1|false",
            "''|false",
            "a@b|false",
            "$5|false",
    })
    void aValidNameStartsWithALetterAndHoldsOnlyNameCharacters(String name, boolean valid) {
        assertThat(FieldNames.isValid(name)).isEqualTo(valid);
    }
}
