package com.collectiondesk.selfservice;

import com.collectiondesk.contact.ContactPreference;
import com.collectiondesk.outreach.Channel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The posts of {@link PreferenceSection}: a preferred channel and time of day, and a phone or e-mail correction. */
@RestController
class PreferenceActions {

    /** What a phone number may look like as typed (the ledger checks it for the debtor's country on approval). */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/.-]{5,24}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final SelfServicePage page;
    private final DebtorContactPreferences preferences;
    private final ContactCorrections corrections;

    PreferenceActions(SelfServicePage page, DebtorContactPreferences preferences, ContactCorrections corrections) {
        this.page = page;
        this.preferences = preferences;
        this.corrections = corrections;
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}/" + PreferenceSection.PREFER, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> prefer(@PathVariable String token, @RequestParam(required = false) String lang,
                                  @RequestParam(name = "preferredChannel", required = false) String channelText,
                                  @RequestParam(name = "preferredTime", required = false) String timeText,
                                  @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                                  HttpServletRequest request, HttpServletResponse response) {
        return page.withVerified(token, lang, csrf, request, response, (link, account) -> {
            Words words = Words.of(account.language());
            Map<String, String> errors = new HashMap<>();
            Channel channel = SelfServicePage.blank(channelText) ? null : DebtorContactPreferences.CHANNELS.stream()
                    .filter(c -> c.name().equals(channelText.strip())).findFirst().orElse(null);
            if (!SelfServicePage.blank(channelText) && channel == null) {
                errors.put("preferredChannel", words.get("contactWhenNone"));
            }
            ContactPreference.TimeOfDay time = timeOf(timeText);
            if (!SelfServicePage.blank(timeText) && time == null) {
                errors.put("preferredTime", words.get("contactWhenNone"));
            }
            Map<String, String> typed = new HashMap<>();
            typed.put("preferredChannel", channelText == null ? "" : channelText);
            typed.put("preferredTime", timeText == null ? "" : timeText);
            if (!errors.isEmpty()) {
                return page.render(HttpStatus.BAD_REQUEST, token, link, account, new SelfServicePage.Shown(null, null, errors, typed),
                        request, response);
            }
            preferences.prefer(link, channel, time);
            return page.render(HttpStatus.OK, token, link, account, new SelfServicePage.Shown(words.get("contactWhenSaved"), "done",
                    Map.of(), Map.of()), request, response);
        });
    }

    @PostMapping(value = SelfServiceLinks.PAGE_PATH + "{token}/" + PreferenceSection.CORRECT, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> correct(@PathVariable String token, @RequestParam(required = false) String lang,
                                   @RequestParam(name = "correctPhone", required = false) String phone,
                                   @RequestParam(name = "correctEmail", required = false) String email,
                                   @RequestParam(name = BrowserKeys.CSRF_FIELD, required = false) String csrf,
                                   HttpServletRequest request, HttpServletResponse response) {
        return page.withVerified(token, lang, csrf, request, response, (link, account) -> {
            Words words = Words.of(account.language());
            Map<String, String> errors = new HashMap<>();
            Map<String, String> typed = new HashMap<>();
            typed.put("correctPhone", phone);
            typed.put("correctEmail", email);
            boolean noPhone = SelfServicePage.blank(phone);
            boolean noEmail = SelfServicePage.blank(email);
            if (noPhone && noEmail) {
                errors.put("correctPhone", words.get("correctNone"));
            }
            if (!noPhone && !PHONE.matcher(phone.strip()).matches()) {
                errors.put("correctPhone", words.get("phoneInvalid"));
            }
            if (!noEmail && (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
                errors.put("correctEmail", words.get("emailInvalid"));
            }
            if (!errors.isEmpty()) {
                return page.render(HttpStatus.BAD_REQUEST, token, link, account, new SelfServicePage.Shown(null, null, errors, typed),
                        request, response);
            }
            if (!noPhone) {
                corrections.request(link, ContactCorrections.Field.PHONE, phone.strip());
            }
            if (!noEmail) {
                corrections.request(link, ContactCorrections.Field.EMAIL, email.strip());
            }
            return page.render(HttpStatus.OK, token, link, account, new SelfServicePage.Shown(words.get("correctSent"), "done",
                    Map.of(), Map.of()), request, response);
        });
    }

    private static ContactPreference.TimeOfDay timeOf(String text) {
        try {
            return SelfServicePage.blank(text) ? null : ContactPreference.TimeOfDay.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
