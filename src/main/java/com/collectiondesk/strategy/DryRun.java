package com.collectiondesk.strategy;

import com.collectiondesk.system.BusinessClock;
import com.collectiondesk.system.ContactUnitCosts;
import com.collectiondesk.ticket.DebtorRiskScores;
import com.collectiondesk.ticket.TicketProcess;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What candidate segment and strategy decisions would do to the portfolio, changing nothing: each open ticket (and,
 * if asked, each opened in the last N months) is decided by the deployed models and by the candidates on the same
 * facts — the segment from × to, the plan's contacts of the next 30 days after the contact policy's static rules and
 * their cost, the plans that come out empty or invalid. Reads only; the decisions run outside the process engine,
 * which records nothing. README, "Dry-run of a model change".
 */
@Service
@Transactional(readOnly = true)
public class DryRun {

    static final int FORECAST_DAYS = 30;
    /** The segment decision's second output, which the process gives the strategy decision too. */
    private static final String PRIORITY = "priority";
    /** The tickets whose plan is empty or invalid are counted in full and listed up to this many. */
    static final int LISTED = 1000;

    /** The candidates; a missing one is the deployed version. */
    record Candidates(DryRunDecisions.Table segment, DryRunDecisions.Table strategy, Integer openedInLastMonths) {
    }

    public record Result(LocalDate asOf, Integer openedInLastMonths, int tickets, int openTickets, String segmentFrom,
                         String segmentTo, String strategyFrom, String strategy, Segments segments, ContactForecast.View contacts,
                         ContactForecast.View contactsOfDeployedModels, int plansEmptyOrInvalid, List<PlanProblem> plansEmptyOrInvalidListed,
                         long elapsedMillis) {
    }

    /** How many tickets the deployed segment decision puts in {@code from} and the candidate in {@code to}. */
    public record Segments(int changed, List<Cell> matrix) {
    }

    public record Cell(String from, String to, int tickets) {
    }

    public record PlanProblem(String ticketNumber, String segment, String problem) {
    }

    /** One ticket's facts as the segment decision sees them, and what the policy knows of its debtor. */
    private record Facts(String ticketNumber, long customerPk, boolean open, LocalDate openedOn, Map<String, Object> variables,
                         ContactForecast.Consent consent) {
    }

    private final DryRunDecisions decisions;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectProvider<DebtorRiskScores> riskScores;
    private final BusinessClock clock;
    private final ContactUnitCosts costs;

    DryRun(DryRunDecisions decisions, NamedParameterJdbcTemplate jdbc, ObjectProvider<DebtorRiskScores> riskScores,
           BusinessClock clock, ContactUnitCosts costs) {
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.riskScores = riskScores;
        this.clock = clock;
        this.costs = costs;
    }

    Result run(Candidates candidates) {
        long started = System.nanoTime();
        LocalDate today = clock.today();
        return compare(candidates, portfolio(candidates.openedInLastMonths(), today), today, started);
    }

    /**
     * Runs copies of the deployed models against the deployed ones over {@code tickets} made-up open tickets, as a
     * dry-run does, and forgets the result: the first dry-run after a start then finds the decision engine built, the
     * deployed tables' cells parsed and the evaluation compiled by the JIT. Reads no ticket.
     */
    void warmUp(int tickets) {
        LocalDate today = clock.today();
        List<Facts> madeUp = IntStream.range(0, tickets).mapToObj(i -> madeUp(i, today)).toList();
        compare(new Candidates(decisions.deployed(Decisions.TICKET_SEGMENT), decisions.deployed(Decisions.COLLECTION_STRATEGY),
                null), madeUp, today, System.nanoTime());
    }

    /** Spread over the segment table's inputs as a portfolio is: 1–150 days past due, 20–2000 owed, risk 0–999. */
    private static Facts madeUp(int i, LocalDate today) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(TicketProcess.MAX_DPD, 1 + (i * 7) % 150);
        variables.put(TicketProcess.OVERDUE_AMOUNT, 20.0 + (i * 13) % 1980);
        variables.put(TicketProcess.PRODUCT_TYPE, WARM_UP_PRODUCTS.get(i % WARM_UP_PRODUCTS.size()));
        variables.put(TicketProcess.BROKEN_PROMISES, i % 7 / 5);
        variables.put(TicketProcess.RISK_SCORE, (i * 37) % 1000);
        return new Facts("WARM-UP-" + i, i, true, today.minusDays(i % 40), variables,
                new ContactForecast.Consent(i % 20 == 0, false, false, i % 50 == 0));
    }

    private static final List<String> WARM_UP_PRODUCTS = List.of("CONSUMER_LOAN", "CREDIT_CARD", "UTILITY", "B2B_INVOICE", "MORTGAGE");

    private Result compare(Candidates candidates, List<Facts> portfolio, LocalDate today, long started) {
        DryRunDecisions.Table deployedSegment = decisions.deployed(Decisions.TICKET_SEGMENT);
        DryRunDecisions.Table deployedStrategy = decisions.deployed(Decisions.COLLECTION_STRATEGY);
        DryRunDecisions.Table segment = candidates.segment() == null ? deployedSegment : candidates.segment();
        DryRunDecisions.Table strategy = candidates.strategy() == null ? deployedStrategy : candidates.strategy();

        ContactForecast forecast = new ContactForecast(today, today.plusDays(FORECAST_DAYS));
        ContactForecast deployedForecast = new ContactForecast(today, today.plusDays(FORECAST_DAYS));
        Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        List<PlanProblem> problems = new ArrayList<>();
        int[] counts = new int[2]; // open, empty or invalid
        boolean sameModels = candidates.segment() == null && candidates.strategy() == null;
        Decided[] was = new Decided[portfolio.size()];
        Decided[] would = new Decided[portfolio.size()];
        // the decisions are pure and most of the time: on every core; what depends on other tickets (one message a
        // day per debtor) is counted after, in ticket order
        IntStream.range(0, portfolio.size()).parallel().forEach(i -> {
            was[i] = decide(portfolio.get(i), deployedSegment, deployedStrategy);
            would[i] = sameModels ? was[i] : decide(portfolio.get(i), segment, strategy);
        });
        for (int i = 0; i < portfolio.size(); i++) {
            Facts ticket = portfolio.get(i);
            counts[0] += ticket.open() ? 1 : 0;
            matrix.computeIfAbsent(String.valueOf(was[i].segment()), s -> new TreeMap<>())
                    .merge(String.valueOf(would[i].segment()), 1, Integer::sum);
            if (would[i].problem() != null) {
                if (counts[1]++ < LISTED) {
                    problems.add(new PlanProblem(ticket.ticketNumber(), would[i].segment(), would[i].problem()));
                }
            } else if (ticket.open()) {
                forecast.add(ticket.customerPk(), ticket.openedOn(), would[i].plan(), ticket.consent());
            }
            if (was[i].problem() == null && ticket.open()) {
                deployedForecast.add(ticket.customerPk(), ticket.openedOn(), was[i].plan(), ticket.consent());
            }
        }
        List<Cell> cells = new ArrayList<>();
        int[] changed = {0};
        matrix.forEach((from, to) -> to.forEach((into, tickets) -> {
            cells.add(new Cell(from, into, tickets));
            changed[0] += from.equals(into) ? 0 : tickets;
        }));
        return new Result(today, candidates.openedInLastMonths(), portfolio.size(), counts[0], deployedSegment.name(), segment.name(),
                deployedStrategy.name(), strategy.name(), new Segments(changed[0], cells), forecast.view(costs), deployedForecast.view(costs), counts[1],
                problems, (System.nanoTime() - started) / 1_000_000);
    }

    /** A ticket's segment and plan under one pair of decisions, or what is wrong with them. */
    record Decided(String segment, List<PlannedStep> plan, String problem) {
    }

    private static Decided decide(Facts ticket, DryRunDecisions.Table segments, DryRunDecisions.Table strategies) {
        return decide(ticket.variables(), segments, strategies);
    }

    /** The segment decision on the ticket's variables, then the strategy decision with its segment and priority. */
    static Decided decide(Map<String, Object> facts, DryRunDecisions.Table segments, DryRunDecisions.Table strategies) {
        List<Map<String, Object>> segmentRows = segments.evaluate(facts);
        if (segmentRows.size() != 1 || !(segmentRows.get(0).get(TicketProcess.SEGMENT) instanceof String segment)) {
            return new Decided(null, List.of(), segmentRows.isEmpty() ? "the segment decision gives no segment"
                    : "the segment decision gives " + segmentRows + ", not one segment");
        }
        Map<String, Object> variables = new HashMap<>(facts);
        variables.put(TicketProcess.SEGMENT, segment);
        variables.put(PRIORITY, segmentRows.get(0).get(PRIORITY));
        try {
            List<PlannedStep> plan = PlannedStep.fromDecisionRows(strategies.evaluate(variables));
            return new Decided(segment, plan, plan.isEmpty() ? "empty plan: " + strategies.name() + " gives no step for segment "
                    + segment + ", product " + facts.get(TicketProcess.PRODUCT_TYPE) : null);
        } catch (IllegalArgumentException invalid) {
            return new Decided(segment, List.of(), "invalid plan: " + invalid.getMessage());
        }
    }

    /** The open tickets and, with {@code months}, those opened since that many months ago, with the process's inputs. */
    private List<Facts> portfolio(Integer months, LocalDate today) {
        Map<Long, Integer> scored = riskScores.orderedStream().findFirst().map(DebtorRiskScores::scores).orElse(Map.of());
        List<Facts> portfolio = new ArrayList<>();
        jdbc.query("""
                select t.ticket_number, t.customer_fk, t.product_type, t.max_dpd, t.overdue_amount, t.broken_promises,
                       t.opened_on, o.id as open_id, c.refuses_sms, c.refuses_email, c.refuses_voice,
                       c.ceased_communication, c.risk_score
                from ticket_decision_input_v t
                left join ticket_open_v o on o.id = t.id
                join ledger_customer_contact_v c on c.id = t.customer_fk
                where o.id is not null or t.opened_on >= :since
                order by t.id""",
                new MapSqlParameterSource("since", months == null ? today.plusDays(1) : today.minusMonths(months)), rs -> {
                    long customer = rs.getLong("customer_fk");
                    Integer recorded = rs.getObject("risk_score", Integer.class);
                    Map<String, Object> variables = new HashMap<>();
                    // as the ticket process sets them before its segment decision (ticket.SyncWithErpDelegate)
                    variables.put(TicketProcess.MAX_DPD, rs.getInt("max_dpd"));
                    variables.put(TicketProcess.OVERDUE_AMOUNT, rs.getBigDecimal("overdue_amount").doubleValue());
                    variables.put(TicketProcess.PRODUCT_TYPE, rs.getString("product_type"));
                    variables.put(TicketProcess.BROKEN_PROMISES, rs.getInt("broken_promises"));
                    variables.put(TicketProcess.RISK_SCORE, scored.getOrDefault(customer, recorded == null ? 0 : recorded));
                    portfolio.add(new Facts(rs.getString("ticket_number"), customer, rs.getObject("open_id") != null,
                            rs.getDate("opened_on").toLocalDate(), variables, new ContactForecast.Consent(
                                    rs.getInt("refuses_sms") == 1, rs.getInt("refuses_email") == 1,
                                    rs.getInt("refuses_voice") == 1, rs.getInt("ceased_communication") == 1)));
                });
        return portfolio;
    }
}
