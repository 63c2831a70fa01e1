package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The field rules the import and the API share, value by value. */
class RecordValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static RecordValidator check(String column, String value) {
        Map<String, String> values = new HashMap<>();
        values.put(column, value);
        return new RecordValidator(new Fields(7, values), TODAY);
    }

    @ParameterizedTest
    @CsvSource({"12.5,12.50", "100,100.00", "0.01,0.01", "3.10,3.10"})
    void amountsArePositiveWithAtMostTwoDecimals(String given, String stored) {
        RecordValidator check = check("amount", given);
        assertThat(check.amount("amount")).isEqualByComparingTo(stored).hasToString(stored);
        assertThat(check.errors()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|must be positive", "1.234|at most 2 decimals", "-5|not an amount",
            "1,50|not an amount", "1e3|not an amount", "12 EUR|not an amount"})
    void badAmountsAreRejectedWithTheReason(String given, String reason) {
        RecordValidator check = check("amount", given);
        assertThat(check.amount("amount")).isNull();
        assertThat(check.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(7);
            assertThat(error.field()).isEqualTo("amount");
            assertThat(error.message()).contains(reason);
        });
    }

    @ParameterizedTest
    @CsvSource({"bg,bg", "en-GB,en-GB", "de-at,de-AT", "ro,ro"})
    void knownLanguageTagsAreAccepted(String given, String stored) {
        assertThat(check("language", given).language("language")).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"xx", "english", "en_GB", "en-QQ", "123"})
    void unknownLanguageTagsAreRejected(String given) {
        RecordValidator check = check("language", given);
        assertThat(check.language("language")).isNull();
        assertThat(check.errors()).extracting(FieldError::field).containsExactly("language");
    }

    @Test
    void emailsNeedAValidSyntaxWithoutControlCharacters() {
        assertThat(check("email", "ivana.petrova+bills@example.co.uk").email("email")).isEqualTo("ivana.petrova+bills@example.co.uk");
        assertThat(check("email", "ivana@@example.com").email("email")).isNull();
        assertThat(check("email", "ivana@exam\u0007ple.com").email("email")).isNull();
        assertThat(check("email", "no-domain@").email("email")).isNull();
    }

    @Test
    void currenciesAndCountriesFollowIso() {
        assertThat(check("currency", "eur").currency("currency")).isEqualTo("EUR");
        assertThat(check("currency", "EURO").currency("currency")).isNull();
        assertThat(check("currency", "ABC").currency("currency")).isNull();
        assertThat(check("country", "bg").country("country")).isEqualTo("BG");
        assertThat(check("country", "XK1").country("country")).isNull();
    }

    /** Guards the explicit sets against a JDK update: no country's current currency may be among the refused. */
    @Test
    void everyCountrysCurrencyIsAcceptedAndTheRefusedCodesAreNamed() {
        for (String country : Locale.getISOCountries()) {
            Currency currency = Currency.getInstance(new Locale("", country));
            if (currency != null) {
                assertThat(Currencies.refusal(currency.getCurrencyCode())).as(country + " " + currency).isEmpty();
            }
        }
        assertThat(Currencies.refusal("VED")).as("active, though no country's default").isEmpty();
        assertThat(Currencies.refusal("XCD")).as("an X code that is money").isEmpty();
        assertThat(Currencies.refusal("XPT")).hasValueSatisfying(reason -> assertThat(reason).contains("precious metal"));
        assertThat(Currencies.refusal("UYI")).hasValueSatisfying(reason -> assertThat(reason).contains("funds code"));
        assertThat(Currencies.refusal("FRF")).hasValue("'FRF' is withdrawn from ISO 4217");
    }

    @Test
    void optOutsAcceptTheUsualSpellingsAndEmptyMeansNo() {
        assertThat(check("sms_opt_out", "YES").flag("sms_opt_out")).isTrue();
        assertThat(check("sms_opt_out", "0").flag("sms_opt_out")).isFalse();
        assertThat(check("sms_opt_out", "").flag("sms_opt_out")).as("empty says nothing: the stored value stays").isNull();
        RecordValidator maybe = check("sms_opt_out", "maybe");
        maybe.flag("sms_opt_out");
        assertThat(maybe.errors()).extracting(FieldError::field).containsExactly("sms_opt_out");
    }

    @Test
    void requiredTextIsKeptExactlyAsWritten() {
        assertThat(check("name", "\t=cmd|' /C calc'!A0").text("name", 200)).isEqualTo("\t=cmd|' /C calc'!A0");
        RecordValidator blank = check("name", "   ");
        assertThat(blank.text("name", 200)).isNull();
        assertThat(blank.errors()).extracting(FieldError::message).containsExactly("is required");
    }
}
