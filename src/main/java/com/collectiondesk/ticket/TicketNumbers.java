package com.collectiondesk.ticket;

import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Readable, unique ticket numbers such as {@code T-2026-000123}, drawn from a database sequence. */
@Component
class TicketNumbers {

    private final JdbcTemplate jdbc;
    private final String nextValueSql;

    TicketNumbers(JdbcTemplate jdbc, EntityManagerFactory entityManagerFactory) {
        this.jdbc = jdbc;
        // H2 and PostgreSQL spell "next value" differently; the Hibernate dialect knows both.
        this.nextValueSql = entityManagerFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect().getSequenceSupport().getSequenceNextValString("ticket_number_seq");
    }

    String next(LocalDate openedOn) {
        Long value = jdbc.queryForObject(nextValueSql, Long.class);
        return String.format("T-%d-%06d", openedOn.getYear(), value);
    }
}
