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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field checks shared by the CSV import and the single-record API. Each check reads one column, records a
 * {@link FieldError} naming it when the value is wrong, and returns the parsed value (or {@code null}).
 */
final class RecordValidator {

    static final int ID_LENGTH = 64;
    static final int EMAIL_LENGTH = 254;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    private static final int MAX_AMOUNT_UNITS = MAX_AMOUNT.precision() - MAX_AMOUNT.scale();
    private static final int MAX_DATE_LENGTH = 12;
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("([0-9]+)(?:\\.([0-9]+))?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final String UNKNOWN_ZONE = "Etc/Unknown";

    private final Fields fields;
    private final LocalDate today;
    private final List<FieldError> errors = new ArrayList<>();

    /** {@code today} is the business date, against which dates that must have happened are checked. */
    RecordValidator(Fields fields, LocalDate today) {
        this.fields = fields;
        this.today = today;
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

    /** Whether the record has this column at all, blank or not (a file's header names it). */
    boolean present(String column) {
        return fields.values().containsKey(column);
    }

    /** A date after today (business zone): when something planned ends. */
    LocalDate futureDate(String column) {
        LocalDate date = date(column);
        if (date != null && !date.isAfter(today)) {
            reject(column, Quoted.of(date.toString()) + " is not after today (" + today + ")");
            return null;
        }
        return date;
    }

    void reject(String column, String message) {
        errors.add(new FieldError(fields.row(), column, message));
    }

    String id(String column, boolean required) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, required);
        }
        if (value.length() > ID_LENGTH) {
            return tooLong(column, ID_LENGTH, value);
        }
        if (CONTROL.matcher(value).find()) {
            reject(column, "must not contain control characters");
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
            return tooLong(column, maxLength, value);
        }
        return value;
    }

    /** An ISO date within {@link #EARLIEST} and {@link #LATEST}; years outside are typos or hostile, never debts. */
    LocalDate date(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        LocalDate date;
        try {
            date = value.length() > MAX_DATE_LENGTH ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            reject(column, Quoted.of(value) + " is not an ISO-8601 date (yyyy-mm-dd)");
            return null;
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            // also keeps out year 0 and negative years, which the databases store shifted by the Julian calendar
            reject(column, Quoted.of(value) + " is not between " + EARLIEST + " and " + LATEST);
            return null;
        }
        return date;
    }

    /** A date that has happened: a payment or an invoice dated after today (business zone) is a mistake. */
    LocalDate pastDate(String column) {
        LocalDate date = date(column);
        if (date != null && date.isAfter(today)) {
            reject(column, Quoted.of(date.toString()) + " is in the future (today is " + today + ")");
            return null;
        }
        return date;
    }

    /**
     * A positive amount of at most {@link #MAX_AMOUNT} with at most two decimals, written plainly ({@code 1234.50}):
     * no sign, exponent, thousands separator or words. The bound keeps every sum the service stores in its
     * {@code numeric(19, 2)} columns: 10^8 invoices of the maximum still fit one customer's overdue amount.
     */
    BigDecimal amount(String column) {
        BigDecimal amount = amountOrZero(column);
        if (amount != null && amount.signum() == 0) {
            reject(column, "must be positive");
            return null;
        }
        return amount;
    }

    /** As {@link #amount}, zero allowed (a credit limit of none). */
    BigDecimal amountOrZero(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        Matcher plain = PLAIN_AMOUNT.matcher(value);
        if (!plain.matches()) {
            reject(column, Quoted.of(value) + " is not an amount like 1234.50");
            return null;
        }
        String units = withoutLeading(plain.group(1), '0');
        String cents = plain.group(2) == null ? "" : withoutTrailing(plain.group(2), '0');
        if (cents.length() > 2) {
            reject(column, "must have at most 2 decimals");
            return null;
        }
        // compared as digits first, so a million-digit string is never turned into a number
        BigDecimal amount = units.length() > MAX_AMOUNT_UNITS ? null
                : new BigDecimal((units.isEmpty() ? "0" : units) + (cents.isEmpty() ? "" : "." + cents)).setScale(2);
        if (amount == null || amount.compareTo(MAX_AMOUNT) > 0) {
            reject(column, "must be at most " + MAX_AMOUNT.toPlainString());
            return null;
        }
        return amount;
    }

    /** An annual rate in percent, written plainly with at most 4 decimals, from 0 to 100. */
    BigDecimal rate(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        Matcher plain = PLAIN_AMOUNT.matcher(value);
        if (!plain.matches() || plain.group(1).length() > 3 || (plain.group(2) != null && plain.group(2).length() > 4)) {
            reject(column, Quoted.of(value) + " is not an annual rate in percent (e.g. 9.12, at most 4 decimals)");
            return null;
        }
        BigDecimal rate = new BigDecimal(value);
        if (rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            reject(column, "must be at most 100 (percent a year)");
            return null;
        }
        return rate;
    }

    /** One of the enum's names, any case. */
    <E extends Enum<E>> E oneOf(String column, Class<E> type) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        reject(column, Quoted.of(value) + " is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(java.util.stream.Collectors.joining(", ")));
        return null;
    }

    private static String withoutLeading(String digits, char c) {
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == c) {
            start++;
        }
        return digits.substring(start);
    }

    private static String withoutTrailing(String digits, char c) {
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == c) {
            end--;
        }
        return digits.substring(0, end);
    }

    /** An active ISO 4217 code, any case, stored upper case; see {@link Currencies} for what is refused. */
    String currency(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        Optional<String> refusal = Currencies.refusal(value);
        if (refusal.isPresent()) {
            reject(column, refusal.get());
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }

    String country(String column) {
        String value = fields.get(column);
        if (value == null) {
            return missing(column, true);
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            reject(column, Quoted.of(value) + " is not an ISO 3166 alpha-2 country code");
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
            reject(column, Quoted.of(value) + " is not a known language tag (e.g. en, bg, ro, de-AT)");
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
        reject(column, Quoted.of(value) + " is not a valid phone number" + (country == null ? "" : " for country " + country));
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
        if (value.length() > EMAIL_LENGTH) {
            return tooLong(column, EMAIL_LENGTH, value);
        }
        if (CONTROL.matcher(value).find() || !EMAIL.matcher(value).matches()) {
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
                reject(column, Quoted.of(value) + " is not an IANA time zone (e.g. Europe/Sofia)");
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
            return null;
        }
        // the debtor's own zone (step times, due dates, "debtor's time") must be one the contact hours hold in:
        // libphonenumber puts a Perth number in Adelaide and a Brisbane one in Sydney, the candidates correct that
        List<String> candidates = ContactZones.candidates(phone == null ? null : e164(phone), country);
        return candidates.isEmpty() || candidates.contains(zone) ? zone : candidates.get(0);
    }

    private static String zoneOf(PhoneNumber number) {
        if (number == null) {
            return null;
        }
        return PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number).stream()
                .filter(zone -> !UNKNOWN_ZONE.equals(zone) && ZONES.contains(zone))
                .findFirst().orElse(null);
    }

    /** true/false, yes/no, 1/0; {@code null} when the cell is empty or the column absent: nothing was said. */
    Boolean flag(String column) {
        String value = fields.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> {
                reject(column, Quoted.of(value) + " is not true or false");
                yield null;
            }
        };
    }

    private <T> T tooLong(String column, int maxLength, String value) {
        reject(column, "must be at most " + maxLength + " characters (has " + value.length() + ")");
        return null;
    }

    private <T> T missing(String column, boolean required) {
        if (required) {
            reject(column, "is required");
        }
        return null;
    }
}
