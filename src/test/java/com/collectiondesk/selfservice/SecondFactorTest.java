package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What counts as knowing the postal code or an invoice number's last digits. */
class SecondFactorTest {

    @ParameterizedTest(name = "{0} in \"{1}\": {2}")
    @CsvSource(delimiter = '|', value = {
            "1000      | 1 Vitosha Blvd, 1000 Sofia      | true",
            "1 000     | 1 Vitosha Blvd, 1000 Sofia      | true",
            "nw1 6xe   | 2 Baker Street, London NW1 6XE  | true",
            "NW16XE    | 2 Baker Street, London NW1 6XE  | true",
            "10115     | Hauptstraße 5, 10115 Berlin     | true",
            "1         | 1 Vitosha Blvd, 1000 Sofia      | false",
            "100       | 1 Vitosha Blvd, 1000 Sofia      | false",
            "Sofia     | 1 Vitosha Blvd, 1000 Sofia      | false",
            "1VITOSHA  | 1 Vitosha Blvd, 1000 Sofia      | false",
            "''        | 1 Vitosha Blvd, 1000 Sofia      | false"})
    void postalCodes(String answer, String address, boolean accepted) {
        assertThat(SecondFactor.POSTAL_CODE.accepts(answer, address, List.of(), 4)).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {"1042 | true", "INV-2026-1042 | false", "042 | false", "9999 | false", "2026 | false"})
    void invoiceDigits(String answer, boolean accepted) {
        assertThat(SecondFactor.INVOICE_DIGITS.accepts(answer, null, List.of("INV-2026-1042", "INV-2026-0007"), 4)).isEqualTo(accepted);
    }
}
