package com.collectiondesk.contact;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code collection.contact-policy.*}: the default jurisdiction profile (when and how often a debtor may be
 * contacted), per-country contact hours, and named profiles per country ({@code profiles.US}, {@code profiles.GB})
 * that replace the default for debtors of that country. Hours that end before they start fail start-up.
 */
@ConfigurationProperties("collection.contact-policy")
record ContactPolicySettings(
        @DefaultValue Hours quietHours,
        @DefaultValue Map<String, Hours> countries,
        @DefaultValue("7") int maxCalls,
        @DefaultValue("P7D") Duration callPeriod,
        @DefaultValue("P7D") Duration noCallsAfterConversation,
        @DefaultValue("3") int maxWritten,
        @DefaultValue("P30D") Duration writtenPeriod,
        @DefaultValue Map<String, Profile> profiles) {

    /**
     * Contact is allowed from {@code start} (inclusive) to {@code end}, local time; {@code end} itself is allowed
     * only when {@code endInclusive} (Reg F: "after 9 p.m." is inconvenient, 21:00 itself is not).
     */
    record Hours(@DefaultValue("08:00") LocalTime start, @DefaultValue("21:00") LocalTime end,
                 @DefaultValue("false") boolean endInclusive) {

        boolean contains(LocalTime wall) {
            return !wall.isBefore(start) && (endInclusive ? !wall.isAfter(end) : wall.isBefore(end));
        }

        @Override
        public String toString() {
            return start + "-" + end + (endInclusive ? " inclusive" : "");
        }
    }

    /** One jurisdiction's rules; {@code source} says where they come from (shown on the timeline). */
    record Profile(@DefaultValue Hours hours, @DefaultValue("7") int maxCalls, @DefaultValue("P7D") Duration callPeriod,
                   @DefaultValue("P7D") Duration noCallsAfterConversation, @DefaultValue("3") int maxWritten,
                   @DefaultValue("P30D") Duration writtenPeriod, @DefaultValue("house rules") String source) {
    }

    ContactPolicySettings {
        check("quiet-hours", quietHours);
        countries.forEach((country, hours) -> check("countries." + country, hours));
        profiles.forEach((country, profile) -> check("profiles." + country + ".hours", profile.hours()));
        countries = upperCaseKeys(countries);
        profiles = upperCaseKeys(profiles);
    }

    /** The default, the country's profile if there is one, with the country's own hours if configured. */
    Profile profileFor(String country) {
        String key = country == null ? "" : country.toUpperCase(Locale.ROOT);
        Profile profile = profiles.getOrDefault(key, new Profile(quietHours, maxCalls, callPeriod, noCallsAfterConversation,
                maxWritten, writtenPeriod, "house rules"));
        Hours hours = countries.get(key);
        return hours == null ? profile : new Profile(hours, profile.maxCalls(), profile.callPeriod(),
                profile.noCallsAfterConversation(), profile.maxWritten(), profile.writtenPeriod(), profile.source());
    }

    private static void check(String property, Hours hours) {
        if (!hours.start().isBefore(hours.end())) {
            throw new IllegalStateException("collection.contact-policy." + property + ": start " + hours.start()
                    + " is not before end " + hours.end() + "; ranges over midnight are not supported, contact hours"
                    + " must lie within one local day");
        }
    }

    private static <T> Map<String, T> upperCaseKeys(Map<String, T> byCountry) {
        return byCountry.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                entry -> entry.getKey().toUpperCase(Locale.ROOT), Map.Entry::getValue));
    }
}
