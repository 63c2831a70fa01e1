package com.collectiondesk.outreach;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every letter's PDF, kept by print day: the day's batch goes to the print shop. */
@Component
class LetterArchive {

    private final JdbcTemplate jdbc;

    LetterArchive(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the letter to the day's batch once per send key; a retried send keeps the first copy. */
    void keep(String sendKey, String ticketNumber, LocalDate printDay, byte[] pdf) {
        jdbc.update("""
                insert into letter (send_key, ticket_number, print_day, pdf, created_at)
                select ?, ?, ?, ?, ? where not exists (select 1 from letter where send_key = ?)""",
                sendKey, ticketNumber, Date.valueOf(printDay), pdf, Timestamp.from(Instant.now()), sendKey);
    }

    List<byte[]> ofDay(LocalDate printDay) {
        return jdbc.query("select pdf from letter where print_day = ? order by ticket_number, id",
                (row, i) -> row.getBytes(1), Date.valueOf(printDay));
    }
}
