package com.collectiondesk.selfservice;

import com.collectiondesk.contact.ContactPreference;
import com.collectiondesk.outreach.Channel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two forms: how and when the debtor prefers to be contacted (a channel, a time of day; what is saved is shown
 * chosen), and a corrected phone or e-mail for the owner to confirm.
 */
@Component
@Order(20)
class PreferenceSection implements PageSection {

    static final String PREFER = "contact-preference";
    static final String CORRECT = "contact-correction";

    private final DebtorContactPreferences preferences;

    PreferenceSection(DebtorContactPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public String html(Context form) {
        Words words = form.words();
        Map<String, String> errors = form.errors();
        Map<String, String> typed = form.typed();
        var saved = preferences.of(form.link().customerPk()).orElse(new ContactPreference(null, null));
        Map<String, String> channels = new LinkedHashMap<>();
        channels.put("", words.get("preferredChannelNone"));
        for (Channel channel : DebtorContactPreferences.CHANNELS) {
            channels.put(channel.name(), words.get("channel." + channel.name()));
        }
        Map<String, String> times = new LinkedHashMap<>();
        times.put("", words.get("preferredTimeNone"));
        for (ContactPreference.TimeOfDay time : ContactPreference.TimeOfDay.values()) {
            times.put(time.name(), words.get("time." + time.name()));
        }
        String prefer = PageHtml.form(form.action(PREFER), form.csrf(), words.get("contactWhen"),
                PageHtml.paragraph("hint", words.get("contactWhenHint"))
                        + FormFields.select("preferredChannel", words.get("preferredChannel"), channels,
                        typed.getOrDefault("preferredChannel", saved.channel() == null ? "" : saved.channel().name()),
                        errors.get("preferredChannel"), null)
                        + FormFields.select("preferredTime", words.get("preferredTime"), times,
                        typed.getOrDefault("preferredTime", saved.time() == null ? "" : saved.time().name()),
                        errors.get("preferredTime"), null), words.get("contactWhenButton"));
        String correct = PageHtml.form(form.action(CORRECT), form.csrf(), words.get("correct"),
                PageHtml.paragraph("hint", words.get("correctHint"))
                        + FormFields.optional("correctPhone", words.get("correctPhone"), "tel", typed.get("correctPhone"),
                        errors.get("correctPhone"), null, "autocomplete=\"tel\" maxlength=\"30\"")
                        + FormFields.optional("correctEmail", words.get("correctEmail"), "email", typed.get("correctEmail"),
                        errors.get("correctEmail"), null, "autocomplete=\"email\" maxlength=\"254\""), words.get("correctButton"));
        return prefer + correct;
    }
}
