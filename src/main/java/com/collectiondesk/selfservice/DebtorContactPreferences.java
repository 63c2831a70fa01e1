package com.collectiondesk.selfservice;

import com.collectiondesk.contact.ContactPreference;
import com.collectiondesk.contact.ContactPreferences;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.Timeline;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel and time of day a debtor prefers, set on the page (one row per debtor, the latest wins) and read by the
 * contact policy before every send and call ({@link ContactPreferences}).
 */
@Service
@Transactional
class DebtorContactPreferences implements ContactPreferences {

    /** The channels a debtor may prefer on the page. */
    static final List<Channel> CHANNELS = List.of(Channel.SMS, Channel.EMAIL, Channel.CALL);

    private final JdbcTemplate jdbc;
    private final BusinessClock clock;
    private final TicketService tickets;
    private final Timeline timeline;

    DebtorContactPreferences(JdbcTemplate jdbc, BusinessClock clock, TicketService tickets, Timeline timeline) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tickets = tickets;
        this.timeline = timeline;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContactPreference> of(Long customerPk) {
        return jdbc.query("select preferred_channel, preferred_time from self_service_preference where customer_fk = ?",
                (rs, row) -> new ContactPreference(rs.getString(1) == null ? null : Channel.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : ContactPreference.TimeOfDay.valueOf(rs.getString(2))), customerPk)
                .stream().findFirst();
    }

    void prefer(DebtorLink link, Channel channel, ContactPreference.TimeOfDay time) {
        String channelName = channel == null ? null : channel.name();
        String timeName = time == null ? null : time.name();
        Timestamp now = Timestamp.from(clock.now());
        if (jdbc.update("update self_service_preference set preferred_channel = ?, preferred_time = ?, updated_at = ? where customer_fk = ?",
                channelName, timeName, now, link.customerPk()) == 0) {
            jdbc.update("insert into self_service_preference (customer_fk, preferred_channel, preferred_time, updated_at) values (?, ?, ?, ?)",
                    link.customerPk(), channelName, timeName, now);
        }
        timeline.record(tickets.get(link.ticketId()), "CONTACT_PREFERENCE", "Prefers " + (channel == null ? "no channel" : channel)
                + ", " + (time == null ? "any time" : time.name().toLowerCase(java.util.Locale.ROOT)) + " (self-service page)",
                SelfServicePage.BY_THE_DEBTOR);
    }
}
