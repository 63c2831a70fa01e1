package com.collectiondesk.ledger;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Field checks shared by the CSV import and the single-record API. Each check reads one column, records a
 * {@link FieldError} naming it when the value is wrong, and returns the parsed value (or {@code null}).
 */
final class RecordValidator {

    static final int ID_LENGTH = 64;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final String UNKNOWN_ZONE = "Etc/Unknown";

    private final Fields fields;
    private final List<FieldError> errors = new ArrayList<>();

    RecordValidator(Fields fields) {
        this.fields = fields;
    }

    List<FieldError> errors() {
        return errors;
    }

    boolean isValid() {
        return errors.isEmpty();
    }

    /** Whether the record has a value in this column (false for blank). */
    boolean given(String column) {
        return fields.get(column) != null;
    }

    void reject(String column, String message) {
        errors.add(new FieldError(fields.row(), column, message));
    }

    String id(String column, boolean required) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, required);
        }
        if (value.length() > ID_LENGTH || CONTROL.matcher(value).find()) {
            reject(column, "must be at most " + ID_LENGTH + " characters without control characters");
            return null;
        }
        return value;
    }

    String text(String column, int maxLength) {
        String value = fields.text(column);
        if (value == null) {
            return missing(column, true);
        }
        if (value.length() > maxLength) {
            reject(column, "must be at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    LocalDate date(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            reject(column, "'" + value + "' is not an ISO-8601 date (yyyy-mm-dd)");
            return null;
        }
    }

    /** A positive amount with at most two decimals, written plainly ({@code 1234.50}). */
    BigDecimal amount(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        BigDecimal amount;
        try {
            amount = value.matches("[0-9]+(\\.[0-9]+)?") ? new BigDecimal(value) : null;
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null) {
            reject(column, "'" + value + "' is not an amount like 1234.50");
            return null;
        }
        if (amount.signum() <= 0) {
            reject(column, "must be positive");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            reject(column, "must have at most 2 decimals");
            return null;
        }
        if (amount.precision() - amount.scale() > 17) {
            reject(column, "is too large");
            return null;
        }
        return amount.setScale(2);
    }

    String currency(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        String code = value.toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3 && Currency.getInstance(code) != null) {
                return code;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the rejection below
        }
        reject(column, "'" + value + "' is not an ISO 4217 currency code");
        return null;
    }

    String country(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            reject(column, "'" + value + "' is not an ISO 3166 alpha-2 country code");
            return null;
        }
        return code;
    }

    /** A BCP 47 tag whose language is an ISO 639 language, e.g. {@code bg}, {@code en-GB}. */
    String language(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        Locale locale = Locale.forLanguageTag(value);
        if (locale.getLanguage().isEmpty() || !LANGUAGES.contains(locale.getLanguage())
                || !locale.toLanguageTag().equalsIgnoreCase(value)
                || (!locale.getCountry().isEmpty() && !COUNTRIES.contains(locale.getCountry()))) {
            reject(column, "'" + value + "' is not a known language tag (e.g. en, bg, ro, de-AT)");
            return null;
        }
        return locale.toLanguageTag();
    }

    /** Parsed with the customer's country as region; returns the E.164 form, or null when empty or invalid. */
    PhoneNumber phone(String column, String country) {
        String value = fields.get(column);
        if (value == null) {
            return null;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber number = util.parse(value, country == null ? "ZZ" : country);
            if (util.isValidNumber(number)) {
                return number;
            }
        } catch (NumberParseException e) {
            // falls through to the rejection below
        }
        reject(column, "'" + value + "' is not a valid phone number" + (country == null ? "" : " for country " + country));
        return null;
    }

    static String e164(PhoneNumber number) {
        return number == null ? null : PhoneNumberUtil.getInstance().format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    String email(String column) {
        String value = fields.get(column);
        if (value == null) {
            return null;
        }
        if (value.length() > 254 || CONTROL.matcher(value).find() || !EMAIL.matcher(value).matches()) {
            reject(column, "is not a valid e-mail address");
            return null;
        }
        return value;
    }

    /** An IANA zone; when empty, the phone number's zone, else the country's. */
    String timeZone(String column, PhoneNumber phone, String country) {
        String value = fields.get(column);
        if (value != null) {
            if (!ZONES.contains(value)) {
                reject(column, "'" + value + "' is not an IANA time zone (e.g. Europe/Sofia)");
                return null;
            }
            return value;
        }
        String zone = zoneOf(phone);
        if (zone == null && country != null) {
            zone = zoneOf(PhoneNumberUtil.getInstance().getExampleNumber(country));
        }
        if (zone == null) {
            reject(column, "is empty and cannot be derived from the phone number or the country");
        }
        return zone;
    }

    private static String zoneOf(PhoneNumber number) {
        if (number == null) {
            return null;
        }
        return PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number).stream()
                .filter(zone -> !UNKNOWN_ZONE.equals(zone) && ZONES.contains(zone))
                .findFirst().orElse(null);
    }

    /** Empty means false; accepts true/false, yes/no, 1/0. */
    boolean flag(String column) {
        String value = fields.get(column);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> {
                reject(column, "'" + value + "' is not true or false");
                yield false;
            }
        };
    }

    private <T> T missing(String column, boolean required) {
        if (required) {
            reject(column, "is required");
        }
        return null;
    }
}
