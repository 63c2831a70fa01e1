package com.collectiondesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The zones a debtor may be in when the ERP sent no time zone: the strict reading, never one guess. */
class ContactZonesTest {

    private static final java.util.List<String> US = java.util.List.of("America/Adak", "America/Anchorage", "America/Boise",
            "America/Chicago", "America/Denver", "America/Detroit", "America/Indiana/Indianapolis", "America/Indiana/Knox",
            "America/Indiana/Marengo", "America/Indiana/Petersburg", "America/Indiana/Tell_City", "America/Indiana/Vevay",
            "America/Indiana/Vincennes", "America/Indiana/Winamac", "America/Juneau", "America/Kentucky/Louisville",
            "America/Kentucky/Monticello", "America/Los_Angeles", "America/Menominee", "America/Metlakatla",
            "America/New_York", "America/Nome", "America/North_Dakota/Beulah", "America/North_Dakota/Center",
            "America/North_Dakota/New_Salem", "America/Phoenix", "America/Sitka", "America/Yakutat", "Pacific/Honolulu");

    @Test
    void aUsDebtorWithoutAPhoneMayBeInAnyUsZoneFromAdakToNewYork() {
        assertThat(ContactZones.candidates(null, "US")).containsExactlyElementsOf(US);
    }

    @Test
    void aTollFreeNumberSaysOnlyTheCountrySoAllUsZones() {
        assertThat(ContactZones.candidates("+18005551234", "US")).containsExactlyElementsOf(US);
        assertThat(ContactZones.candidates("+18885551234", null)).containsExactlyElementsOf(US);
    }

    @Test
    void aGeographicNumberNamesItsZone() {
        assertThat(ContactZones.candidates("+12125551234", "US")).containsExactly("America/New_York");
        assertThat(ContactZones.candidates("+18085551234", "US")).containsExactly("Pacific/Honolulu");
        assertThat(ContactZones.candidates("+359888123456", "BG")).containsExactly("Europe/Sofia");
    }

    @Test
    void australianLandlinesAreCorrectedWhereTheNumberingDataIsTooCoarse() {
        assertThat(ContactZones.candidates("+61892345678", "AU")).containsExactly("Australia/Perth");
        assertThat(ContactZones.candidates("+61889412345", "AU"))
                .containsExactly("Australia/Adelaide", "Australia/Broken_Hill", "Australia/Darwin");
        assertThat(ContactZones.candidates("+61712345678", "AU")).containsExactly("Australia/Brisbane");
        // a mobile says only "Australia": every Australian zone
        assertThat(ContactZones.candidates("+61412345678", "AU")).contains("Australia/Perth", "Australia/Sydney",
                "Australia/Lord_Howe", "Australia/Eucla").hasSize(12);
    }

    @Test
    void aNumberFromAnotherCountryAddsTheCountrysZonesBecauseBothMustBeConvenient() {
        assertThat(ContactZones.candidates("+12125551234", "DE")).containsExactly("America/New_York", "Europe/Berlin", "Europe/Busingen");
    }

    @Test
    void aRussianMobileSpansElevenTimeZones() {
        assertThat(ContactZones.candidates("+79161234567", "RU")).contains("Europe/Kaliningrad", "Asia/Kamchatka").hasSize(26);
    }

    @Test
    void theCustomerKeepsAGivenZoneAloneAndEveryCandidateOfADerivedOne() {
        Customer given = new Customer("C-1");
        given.setCountry("US");
        given.setTimeZone("America/Chicago");
        given.setZoneOrigin(false, java.util.List.of());
        assertThat(given.contactZones()).containsExactly(ZoneId.of("America/Chicago"));

        Customer derived = new Customer("C-2");
        derived.setCountry("US");
        derived.setTimeZone("America/New_York");
        derived.setZoneOrigin(true, ContactZones.candidates(null, "US"));
        assertThat(derived.contactZones()).hasSize(29).contains(ZoneId.of("Pacific/Honolulu"));

        // imported before V47: the stored zone is what derivation gives, so it is read as derived
        Customer legacy = new Customer("C-3");
        legacy.setCountry("US");
        legacy.setTimeZone("America/New_York");
        assertThat(legacy.contactZones()).hasSize(29);
        legacy.setTimeZone("Europe/Sofia"); // not a US zone: the ERP must have given it
        assertThat(legacy.contactZones()).containsExactly(ZoneId.of("Europe/Sofia"));
    }
}
