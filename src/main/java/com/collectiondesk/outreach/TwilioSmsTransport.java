package com.collectiondesk.outreach;

import java.util.Set;
import org.springframework.stereotype.Component;

/** SMS through Twilio's Messages API. */
@Component
class TwilioSmsTransport implements ChannelTransport {

    private final TwilioGateway twilio;

    TwilioSmsTransport(TwilioGateway twilio) {
        this.twilio = twilio;
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public Set<String> channels() {
        return Set.of("SMS");
    }

    @Override
    public OutreachReceipt deliver(OutreachMessage message, RenderedMessage rendered) {
        String sid = twilio.sendSms(PhoneNumbers.requireE164(message.debtor().phone()), rendered.text());
        return new OutreachReceipt(rendered.text(), sid, GsmSegments.count(rendered.text()), false);
    }
}
