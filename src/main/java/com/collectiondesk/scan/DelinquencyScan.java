package com.collectiondesk.scan;

import com.collectiondesk.ledger.LedgerCommands;
import com.collectiondesk.ledger.LedgerQueries;
import com.collectiondesk.ledger.OverduePositions;
import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.ticket.BulkTickets;
import com.collectiondesk.ticket.OpenTicketKey;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketService;
import com.collectiondesk.ticket.TicketSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The daily scan: one aggregate query finds every customer's overdue money per currency; customers past
 * tolerance and DPD threshold get a ticket, open tickets are refreshed, and tickets with nothing overdue close
 * as PAID. Work is committed in chunks so a large portfolio never becomes one huge transaction, each chunk a few
 * set-based statements ({@link BulkTickets}); the new tickets' processes start afterwards, in batches of the job
 * executor ({@link StartTicketProcessesDelegate}). A re-run after a failure refreshes what an earlier chunk already
 * opened. A customer whose data cannot be
 * worked (an overdue sum beyond what a ticket holds, a value the database refuses) is skipped with a reason;
 * one bad record never stops the portfolio.
 */
@Service
class DelinquencyScan {

    static final int CHUNK = 200;
    private static final Logger log = LoggerFactory.getLogger(DelinquencyScan.class);


    private final OverduePositions overduePositions;
    private final TicketSettings settings;
    private final LedgerQueries ledger;
    private final LedgerCommands ledgerCommands;
    private final TicketService tickets;
    private final BulkTickets bulk;
    private final BusinessClock clock;

    DelinquencyScan(OverduePositions overduePositions, TicketSettings settings,
                    LedgerQueries ledger, LedgerCommands ledgerCommands, TicketService tickets,
                    BulkTickets bulk, BusinessClock clock) {
        this.overduePositions = overduePositions;
        this.settings = settings;
        this.ledger = ledger;
        this.ledgerCommands = ledgerCommands;
        this.tickets = tickets;
        this.bulk = bulk;
        this.clock = clock;
    }

    record Position(long customerPk, String currency, BigDecimal overdue, int dpd) {
        Key key() {
            return new Key(customerPk, currency);
        }
    }

    private record Key(long customerPk, String currency) {
    }

    /** What the scan did, and the customers it skipped because they could not be processed. */
    record Outcome(ScanCounts counts, List<ScanProblem> problems) {
    }

    private record Failure(Key key, String reason) {
    }

    /** {@code inNewTransaction} runs one chunk in its own committed transaction. */
    Outcome run(LocalDate asOf, Function<Supplier<ScanCounts>, ScanCounts> inNewTransaction) {
        // interest through yesterday whatever day the scan looks at: a scan of a past day never takes interest back
        inNewTransaction.apply(() -> {
            ledgerCommands.accrueInterest();
            return ScanCounts.NONE;
        });
        List<Position> positions = positions(asOf);
        Map<Key, Long> openTickets = new HashMap<>();
        Map<Long, Key> ticketOwners = new HashMap<>();
        for (OpenTicketKey open : tickets.openTicketKeys()) {
            Key key = new Key(open.customerPk(), open.currency());
            openTickets.put(key, open.ticketId());
            ticketOwners.put(open.ticketId(), key);
        }

        ScanCounts counts = ScanCounts.NONE;
        List<Failure> failures = new ArrayList<>();
        List<Position> toOpen = new ArrayList<>();
        List<Long> toRefresh = new ArrayList<>();
        Set<Key> stillOverdue = new HashSet<>();
        for (Position position : positions) {
            Key key = position.key();
            stillOverdue.add(key);
            if (position.overdue().compareTo(Ticket.MAX_AMOUNT) > 0) {
                failures.add(new Failure(key, ScanProblem.OVER_LIMIT));
            } else if (openTickets.containsKey(key)) {
                toRefresh.add(openTickets.get(key));
            } else if (position.overdue().compareTo(settings.tolerance()) >= 0 && position.dpd() >= settings.dpdThreshold()) {
                toOpen.add(position);
            } else {
                counts = counts.plus(new ScanCounts(0, 0, 0, 1, 0));
            }
        }
        // Nothing overdue on a past day is not paid: money may have fallen due since. Only what is clear today closes.
        LocalDate today = clock.today();
        Set<Key> overdueToday = asOf.isBefore(today)
                ? positions(today).stream().map(Position::key).collect(Collectors.toSet()) : Set.of();
        List<Long> toClose = openTickets.entrySet().stream()
                .filter(e -> !stillOverdue.contains(e.getKey()) && !overdueToday.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();

        counts = counts.plus(inChunks(toOpen, chunk -> open(chunk, asOf), Position::key, inNewTransaction, failures));
        counts = counts.plus(inChunks(toRefresh, chunk -> refresh(chunk, asOf), ticketOwners::get, inNewTransaction, failures));
        counts = counts.plus(inChunks(toClose, chunk -> closePaid(chunk, asOf), ticketOwners::get, inNewTransaction, failures));
        return new Outcome(counts.plus(new ScanCounts(0, 0, 0, 0, failures.size())), problems(failures));
    }

    private List<Position> positions(LocalDate asOf) {
        return overduePositions.on(asOf).stream().map(p -> new Position(p.customerPk(), p.currency(), p.overdue(),
                (int) ChronoUnit.DAYS.between(p.oldestDue(), asOf))).toList();
    }

    /**
     * Runs each chunk in its own transaction. When one customer's data spoils a chunk, the chunk is redone
     * customer by customer so that only that customer is skipped and the rest of the portfolio is worked.
     * A transient failure (database away, concurrent change) is not a customer's fault: it fails the scan's job,
     * which retries, and the retry refreshes what earlier chunks opened.
     */
    private <T> ScanCounts inChunks(List<T> items, Function<List<T>, ScanCounts> work, Function<T, Key> ownerOf,
                                    Function<Supplier<ScanCounts>, ScanCounts> inNewTransaction, List<Failure> failures) {
        ScanCounts counts = ScanCounts.NONE;
        for (List<T> chunk : chunks(items)) {
            try {
                counts = counts.plus(inNewTransaction.apply(() -> work.apply(chunk)));
            } catch (RuntimeException chunkFailed) {
                rethrowIfTransient(chunkFailed);
                for (T item : chunk) {
                    try {
                        counts = counts.plus(inNewTransaction.apply(() -> work.apply(List.of(item))));
                    } catch (RuntimeException failed) {
                        rethrowIfTransient(failed);
                        Key owner = ownerOf.apply(item);
                        log.warn("Delinquency scan skips customer #{} ({}) after a failure", owner.customerPk(),
                                owner.currency(), failed);
                        failures.add(new Failure(owner, failed instanceof DataIntegrityViolationException
                                ? ScanProblem.REFUSED_BY_DATABASE : ScanProblem.FAILED));
                    }
                }
            }
        }
        return counts;
    }

    static void rethrowIfTransient(RuntimeException e) {
        if (e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException
                || e instanceof OptimisticLockingException) {
            throw e;
        }
    }

    /** The operator's list names customers by their ledger id, never by anything personal. */
    private List<ScanProblem> problems(List<Failure> failures) {
        Map<Long, String> customerIds = ledger.customerIds(failures.stream().map(f -> f.key().customerPk()).distinct().toList());
        return failures.stream().map(f -> new ScanProblem(customerIds.get(f.key().customerPk()), f.key().currency(),
                f.reason())).toList();
    }

    private ScanCounts open(List<Position> chunk, LocalDate asOf) {
        bulk.openAll(chunk.stream().map(p -> new BulkTickets.ToOpen(p.customerPk(), p.currency())).toList(), asOf);
        return new ScanCounts(chunk.size(), 0, 0, 0, 0);
    }

    private ScanCounts refresh(List<Long> chunk, LocalDate asOf) {
        return new ScanCounts(0, bulk.refreshAll(chunk, asOf), 0, 0, 0);
    }

    private ScanCounts closePaid(List<Long> chunk, LocalDate asOf) {
        return new ScanCounts(0, 0, bulk.closeAllPaid(chunk, asOf, "scan"), 0, 0);
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
        }
        return chunks;
    }
}
