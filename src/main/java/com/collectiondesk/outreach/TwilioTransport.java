package com.collectiondesk.outreach;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Say;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * SMS through Twilio's Messages API, and VOICE as an automated reminder call through its Calls API with TwiML
 * {@code <Say>} in the debtor's language.
 */
@Component
class TwilioTransport implements ChannelTransport {

    /** Twilio text-to-speech languages for ours; anything else is read in English. */
    private static final Map<String, Say.Language> VOICES = Map.of(
            "en", Say.Language.EN_GB, "ro", Say.Language.RO_RO, "bg", Say.Language.BG_BG, "de", Say.Language.DE_DE);

    private final TwilioGateway twilio;
    private final EntitySenders senders;

    TwilioTransport(TwilioGateway twilio, EntitySenders senders) {
        this.twilio = twilio;
        this.senders = senders;
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.SMS, Channel.VOICE);
    }

    @Override
    public String senderOf(Channel channel) {
        return channel == Channel.VOICE ? twilio.callSender() : twilio.smsSender();
    }

    /** The number or messaging service the message goes out from: its own pace, whichever entity it serves. */
    @Override
    public String senderOf(Channel channel, String legalEntity) {
        TwilioGateway.SmsFrom from = senders.of(legalEntity).sms();
        if (channel == Channel.SMS && from.usesMessagingService()) {
            return from.messagingServiceSid();
        }
        return from.number() == null || from.number().isBlank() ? twilio.callSender() : from.number();
    }

    @Override
    public OutreachReceipt deliver(OutreachMessage message, RenderedMessage rendered) {
        String to = PhoneNumbers.requireE164(message.debtor().phone());
        TwilioGateway.SmsFrom from = senders.of(message.debtor().legalEntity()).sms(); // the debtor's entity's sender
        if (message.channel() == Channel.VOICE) {
            String twiml = twiml(rendered.text(), MessageTemplates.languageOf(message.debtor().language()));
            return new OutreachReceipt(rendered.text(), twilio.call(to, twiml, from), 0, false);
        }
        String sid = twilio.sendSms(to, rendered.text(), from);
        return new OutreachReceipt(rendered.text(), sid, GsmSegments.count(rendered.text()), false);
    }

    /** The SDK's builder escapes the text: a name with markup is read out, not obeyed. */
    static String twiml(String text, String language) {
        Say say = new Say.Builder(text).language(VOICES.getOrDefault(language, Say.Language.EN_GB)).build();
        return new VoiceResponse.Builder().say(say).build().toXml();
    }
}
