package com.collectiondesk.ticket;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The daily scan: one aggregate query finds every customer's overdue money per currency; customers past
 * tolerance and DPD threshold get a ticket, open tickets are refreshed, and tickets with nothing overdue close
 * as PAID. Work is committed in chunks so a large portfolio never becomes one huge transaction, and a
 * re-run after a failure refreshes what an earlier chunk already opened.
 */
@Service
class DelinquencyScan {

    static final int CHUNK = 200;

    private static final String OVERDUE_BY_CUSTOMER = """
            select customer_fk, currency, sum(open_amount) as overdue, min(due_date) as oldest_due
            from invoice
            where open_amount > 0 and due_date < ?
            group by customer_fk, currency""";
    private static final String OPEN_TICKETS = "select id, customer_fk, currency from ticket where status <> 'CLOSED'";

    private final JdbcTemplate jdbc;
    private final TicketSettings settings;
    private final TicketRepository ticketRepository;
    private final CustomerRepository customers;
    private final TicketService tickets;
    private final TicketProcessGateway processes;

    DelinquencyScan(JdbcTemplate jdbc, TicketSettings settings, TicketRepository ticketRepository,
                    CustomerRepository customers, TicketService tickets, TicketProcessGateway processes) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.ticketRepository = ticketRepository;
        this.customers = customers;
        this.tickets = tickets;
        this.processes = processes;
    }

    record Position(long customerPk, String currency, BigDecimal overdue, int dpd) {
    }

    private record Key(long customerPk, String currency) {
    }

    /** {@code inNewTransaction} runs one chunk in its own committed transaction. */
    ScanCounts run(LocalDate asOf, java.util.function.Function<Supplier<ScanCounts>, ScanCounts> inNewTransaction) {
        List<Position> positions = jdbc.query(OVERDUE_BY_CUSTOMER, (rs, row) -> new Position(rs.getLong("customer_fk"),
                rs.getString("currency"), rs.getBigDecimal("overdue"),
                (int) ChronoUnit.DAYS.between(rs.getDate("oldest_due").toLocalDate(), asOf)), Date.valueOf(asOf));
        Map<Key, Long> openTickets = new HashMap<>();
        jdbc.query(OPEN_TICKETS, rs -> {
            openTickets.put(new Key(rs.getLong("customer_fk"), rs.getString("currency")), rs.getLong("id"));
        });

        ScanCounts counts = ScanCounts.NONE;
        List<Position> toOpen = new ArrayList<>();
        List<Long> toRefresh = new ArrayList<>();
        Set<Key> stillOverdue = new HashSet<>();
        for (Position position : positions) {
            Key key = new Key(position.customerPk(), position.currency());
            stillOverdue.add(key);
            if (openTickets.containsKey(key)) {
                toRefresh.add(openTickets.get(key));
            } else if (position.overdue().compareTo(settings.tolerance()) >= 0 && position.dpd() >= settings.dpdThreshold()) {
                toOpen.add(position);
            } else {
                counts = counts.plus(new ScanCounts(0, 0, 0, 1));
            }
        }
        List<Long> toClose = openTickets.entrySet().stream().filter(e -> !stillOverdue.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();

        for (List<Position> chunk : chunks(toOpen)) {
            counts = counts.plus(inNewTransaction.apply(() -> open(chunk, asOf)));
        }
        for (List<Long> chunk : chunks(toRefresh)) {
            counts = counts.plus(inNewTransaction.apply(() -> refresh(chunk, asOf)));
        }
        for (List<Long> chunk : chunks(toClose)) {
            counts = counts.plus(inNewTransaction.apply(() -> closePaid(chunk, asOf)));
        }
        return counts;
    }

    private ScanCounts open(List<Position> chunk, LocalDate asOf) {
        Map<Long, Customer> byPk = new HashMap<>();
        customers.findAllById(chunk.stream().map(Position::customerPk).toList()).forEach(c -> byPk.put(c.getId(), c));
        for (Position position : chunk) {
            processes.start(tickets.open(byPk.get(position.customerPk()), position.currency(), asOf));
        }
        return new ScanCounts(chunk.size(), 0, 0, 0);
    }

    private ScanCounts refresh(List<Long> chunk, LocalDate asOf) {
        for (Ticket ticket : ticketRepository.findAllById(chunk)) {
            tickets.refresh(ticket, asOf);
        }
        return new ScanCounts(0, chunk.size(), 0, 0);
    }

    private ScanCounts closePaid(List<Long> chunk, LocalDate asOf) {
        for (Ticket ticket : ticketRepository.findAllById(chunk)) {
            tickets.refresh(ticket, asOf);
            if (!processes.deliver(ticket.getTicketNumber(), TicketProcess.MSG_SETTLED)) {
                tickets.close(ticket, CloseReason.PAID, "scan");
            }
        }
        return new ScanCounts(0, 0, chunk.size(), 0);
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }
}
