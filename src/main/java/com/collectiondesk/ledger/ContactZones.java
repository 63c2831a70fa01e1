package com.collectiondesk.ledger;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every time zone a debtor may be in when the ERP sent none: the zones of a geographic phone number, else all
 * zones of the number's country, and all zones of the debtor's country when that differs from the number's (Reg F
 * §1006.6(b)(1): if the phone and the address point to different zones, both must be convenient). The contact
 * policy allows only hours that are inside every one of them.
 */
public final class ContactZones {

    private static final Set<String> AVAILABLE = ZoneId.getAvailableZoneIds();
    /** IANA tzdata's zone.tab (tzdata 2025b, public domain): country code to its zones. */
    private static final Map<String, List<String>> BY_COUNTRY = loadZoneTab();
    /**
     * Australian area codes that libphonenumber maps too coarsely (08 to Adelaide and Perth, 07 to Sydney's
     * daylight saving although Queensland has none); longest E.164 prefix wins.
     */
    private static final Map<String, List<String>> CORRECTIONS = Map.of(
            "612", List.of("Australia/Sydney"),
            "6126563", List.of("Australia/Lord_Howe"),
            "613", List.of("Australia/Melbourne", "Australia/Hobart"),
            "617", List.of("Australia/Brisbane"),
            "6188", List.of("Australia/Adelaide", "Australia/Broken_Hill", "Australia/Darwin"),
            "6189", List.of("Australia/Perth"));

    private ContactZones() {
    }

    /** The candidate zones, sorted; empty when neither the phone nor the country says anything. */
    public static List<String> candidates(String phone, String country) {
        Set<String> zones = new TreeSet<>();
        String phoneRegion = null;
        PhoneNumber number = parse(phone);
        if (number != null) {
            phoneRegion = PhoneNumberUtil.getInstance().getRegionCodeForNumber(number);
            zones.addAll(ofNumber(number, phoneRegion));
        }
        if (country != null && (zones.isEmpty() || !country.equalsIgnoreCase(phoneRegion))) {
            zones.addAll(ofCountry(country));
        }
        return List.copyOf(zones);
    }

    /**
     * The single zone the import derived before V47 (the phone's first zone, else the country's example number's):
     * a debtor imported then whose stored zone is this one most likely had it derived.
     */
    public static String firstGuess(String phone, String country) {
        PhoneNumber number = parse(phone);
        if (number == null && country != null) {
            number = PhoneNumberUtil.getInstance().getExampleNumber(country.toUpperCase(Locale.ROOT));
        }
        return number == null ? null : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number).stream()
                .filter(AVAILABLE::contains).findFirst().orElse(null);
    }

    /** All zones of a country (ISO 3166-1 alpha-2), from tzdata's zone.tab. */
    public static List<String> ofCountry(String country) {
        return BY_COUNTRY.getOrDefault(country.toUpperCase(Locale.ROOT), List.of());
    }

    private static List<String> ofNumber(PhoneNumber number, String region) {
        String digits = number.getCountryCode() + PhoneNumberUtil.getInstance().getNationalSignificantNumber(number);
        List<String> corrected = CORRECTIONS.entrySet().stream().filter(entry -> digits.startsWith(entry.getKey()))
                .max(Comparator.comparingInt(entry -> entry.getKey().length())).map(Map.Entry::getValue).orElse(null);
        if (corrected != null) {
            return corrected;
        }
        // toll-free and non-geographic mobile numbers say only which country: all of its zones
        if (!PhoneNumberUtil.getInstance().isNumberGeographical(number) && region != null && BY_COUNTRY.containsKey(region)) {
            return ofCountry(region);
        }
        return PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number).stream()
                .filter(AVAILABLE::contains).toList();
    }

    private static PhoneNumber parse(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            PhoneNumber number = PhoneNumberUtil.getInstance().parse(phone, null);
            return PhoneNumberUtil.getInstance().isValidNumber(number) ? number : null;
        } catch (NumberParseException notInternational) {
            return null;
        }
    }

    private static Map<String, List<String>> loadZoneTab() {
        Map<String, List<String>> byCountry = new TreeMap<>();
        try (var in = ContactZones.class.getResourceAsStream("/tzdata/zone.tab");
             var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            lines.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).map(line -> line.split("\t"))
                    .filter(columns -> AVAILABLE.contains(columns[2]))
                    .forEach(columns -> byCountry.computeIfAbsent(columns[0], code -> new ArrayList<>()).add(columns[2]));
        } catch (IOException e) {
            throw new UncheckedIOException("tzdata/zone.tab", e);
        }
        byCountry.replaceAll((country, zones) -> zones.stream().sorted().toList());
        return Map.copyOf(byCountry);
    }
}
