package com.collectiondesk.outreach;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The outreach port: renders the template, claims the send key in the outbox (which keeps the sender's pace),
 * and hands the message to the channel's configured transport. A send already accepted returns its stored
 * receipt without calling the provider again; a send waiting for its sender's slot throws
 * {@link SendPostponedException}, and the job runs again at the slot.
 */
@Component
class OutreachSender implements OutreachPort {

    private final MessageTemplates templates;
    private final SendOutbox outbox;
    private final SendMeters meters;
    private final ChannelTransports transports;

    OutreachSender(MessageTemplates templates, SendOutbox outbox, SendMeters meters, ChannelTransports transports) {
        this.templates = templates;
        this.outbox = outbox;
        this.meters = meters;
        this.transports = transports;
    }

    @Override
    public OutreachReceipt send(OutreachMessage message) {
        RenderedMessage rendered = templates.render(message);
        ChannelTransport transport = transports.transportFor(message.channel());
        SendPace.Sender sender = transports.pacedSender(message.channel(), message.debtor().legalEntity());
        SendOutbox.Claim claim;
        try {
            claim = outbox.claim(message.sendKey(), message.debt().ticketNumber(), message.channel(), sender);
        } catch (SendInDoubtException inDoubt) {
            meters.countFailure(message.channel(), inDoubt);
            throw inDoubt;
        }
        if (claim.notBefore() != null) {
            meters.count(message.channel(), SendMeters.Outcome.PACED);
            throw new SendPostponedException(message.sendKey(), claim.notBefore());
        }
        if (!claim.granted()) {
            meters.count(message.channel(), SendMeters.Outcome.ALREADY_ACCEPTED);
            return claim.receipt();
        }
        try {
            OutreachReceipt receipt = transport.deliver(message, rendered);
            outbox.accepted(message.sendKey(), receipt);
            meters.count(message.channel(), SendMeters.Outcome.ACCEPTED);
            return receipt;
        } catch (ProviderAnswerUnknownException inDoubt) {
            outbox.inDoubt(message.sendKey(), inDoubt);
            meters.count(message.channel(), SendMeters.Outcome.IN_DOUBT);
            throw inDoubt;
        } catch (RuntimeException notAccepted) {
            outbox.failed(message.sendKey(), notAccepted, sender);
            meters.countFailure(message.channel(), notAccepted);
            throw notAccepted;
        }
    }

    @Override
    public List<ClaimedSend> claimedSince(Collection<String> ticketNumbers, Instant since) {
        return outbox.claimedSince(ticketNumbers, since);
    }
}
