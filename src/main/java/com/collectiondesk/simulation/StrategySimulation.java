package com.collectiondesk.simulation;

import com.collectiondesk.contact.ContactRuleCheck;
import com.collectiondesk.ledger.GeneratedLedger;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.risk.GeneratedPortfolioScores;
import com.collectiondesk.strategy.StrategyModels;
import com.collectiondesk.strategy.StrategyStep;
import com.collectiondesk.system.ContactUnitCosts;
import com.collectiondesk.ticket.SendWindow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;

/**
 * Champion and challenger on the generated portfolio of the score's benchmark ({@link GeneratedLedger}, scored by the
 * real behavioural score in a private database): every customer with money overdue on the scoring day gets a ticket
 * opened that day, its segment and plan from each pair of decisions (the decision engine, no history), then
 * {@link TicketRun} plays the plan for the simulated days against the behaviour model and the contact rules, once per
 * seed. Changes nothing: the service's database is neither read nor written. README, "Simulation of a strategy".
 */
@Service
public class StrategySimulation {

    /** Within so many days of the opening, as the variant report's windows count them. */
    static final int[] WINDOWS = {30, 60, 90};

    /** {@code portfolioSeed} generates the portfolio, {@code seed} the debtors' luck (one run per seed derived from it). */
    record Run(int customers, long portfolioSeed, int days, int seeds, long seed, StrategyModels.Models champion,
               StrategyModels.Models challenger) {
    }

    public record Result(LocalDate firstDay, int customers, long portfolioSeed, int tickets, int days, int seeds, long seed,
                         String costCurrency,
                         Variant champion, Variant challenger, List<Kpi> kpis, BehaviourModel behaviour, long elapsedMillis) {
    }

    /** The decisions, the tickets per segment, the plans that came out empty or invalid (those tickets get no contact). */
    public record Variant(String segmentDecision, String strategyDecision, Map<String, Integer> ticketsPerSegment,
                          int plansEmptyOrInvalid, Map<String, Double> refusedByPolicyPerSeed) {
    }

    /** Means over the seeds; the difference is challenger − champion, with its interval over the seeds. */
    public record Kpi(String kpi, String unit, double champion, double challenger, double difference, double ciLow,
                      double ciHigh) {
    }

    static final int PORTFOLIOS_KEPT = 4;

    private final StrategyModels models;
    private final GeneratedPortfolioScores scores;
    private final Map<String, List<SimulatedTicket>> portfolios = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SimulatedTicket>> eldest) {
            return size() > PORTFOLIOS_KEPT;
        }
    };
    private final TicketRun ticketRun;
    private final BehaviourModel behaviour;
    private final ContactUnitCosts costs;

    StrategySimulation(StrategyModels models, GeneratedPortfolioScores scores, ContactRuleCheck rules, SendWindow sendWindow,
                       BehaviourModel behaviour, ContactUnitCosts costs) {
        this.models = models;
        this.scores = scores;
        this.behaviour = behaviour;
        this.costs = costs;
        this.ticketRun = new TicketRun(behaviour, rules, sendWindow::startOn);
    }

    Result run(Run run) {
        long started = System.nanoTime();
        LocalDate firstDay = GeneratedLedger.SCORING_DAY;
        List<SimulatedTicket> tickets = portfolio(run.customers(), run.portfolioSeed());
        Side champion = new Side(run.champion(), tickets, run.seeds());
        Side challenger = new Side(run.challenger(), tickets, run.seeds());
        for (int s = 0; s < run.seeds(); s++) {
            long seed = TicketRun.mix(run.seed(), s, -1);
            champion.play(s, seed, tickets, firstDay, run.days());
            challenger.play(s, seed, tickets, firstDay, run.days());
        }
        List<Kpi> kpis = new ArrayList<>();
        champion.perSeed.forEach((kpi, values) -> {
            double[] other = challenger.perSeed.get(kpi);
            double[] difference = IntStream.range(0, values.length).mapToDouble(s -> other[s] - values[s]).toArray();
            SeedIntervals.Interval interval = SeedIntervals.of(difference);
            kpis.add(new Kpi(kpi, unitOf(kpi), mean(values), mean(other), interval.mean(), interval.low(), interval.high()));
        });
        return new Result(firstDay, run.customers(), run.portfolioSeed(), tickets.size(), run.days(), run.seeds(), run.seed(), costs.currency(),
                champion.view(), challenger.view(), kpis, behaviour, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The tickets of the generated portfolio on its scoring day, scored as of that day. Generating and scoring take
     * most of a run and depend only on size and seed (the weights are fixed at start-up): the last few are kept.
     */
    private List<SimulatedTicket> portfolio(int customers, long portfolioSeed) {
        String key = customers + "/" + portfolioSeed;
        synchronized (portfolios) {
            List<SimulatedTicket> kept = portfolios.get(key);
            if (kept != null) {
                return kept;
            }
        }
        GeneratedLedger ledger = GeneratedLedger.generate(customers, portfolioSeed, GeneratedLedger.SCORING_DAY,
                GeneratedLedger.HORIZON);
        Map<Long, Integer> scored = scores.score(ledger);
        List<SimulatedTicket> tickets = ledger.customers().stream()
                .map(customer -> SimulatedTicket.of(customer, scored.getOrDefault(customer.pk(), 0), ledger.scoringDay()))
                .filter(Objects::nonNull).toList();
        synchronized (portfolios) {
            portfolios.put(key, tickets);
        }
        return tickets;
    }

    /** The report's windows up to the simulated days, and the last day itself. */
    static int[] windows(int days) {
        return IntStream.concat(IntStream.of(WINDOWS).filter(window -> window < days), IntStream.of(days)).toArray();
    }

    private String unitOf(String kpi) {
        if (kpi.startsWith("contacts_")) {
            return "contacts";
        }
        if (kpi.startsWith("collected_") || kpi.equals("contact_cost")) {
            return costs.currency();
        }
        return kpi.equals("cost_per_amount_collected") ? costs.currency() + " per " + costs.currency() : "share";
    }

    private static double mean(double[] values) {
        return SeedIntervals.of(values).mean();
    }

    /** One variant: its plans (decided once: the decisions do not depend on the seed) and its KPIs per seed. */
    private final class Side {
        final StrategyModels.Models decisions;
        final List<List<StrategyStep>> plans = new ArrayList<>();
        final Map<String, Integer> segments = new TreeMap<>();
        final Map<String, Integer> refused = new TreeMap<>();
        final Map<String, double[]> perSeed = new LinkedHashMap<>();
        final int seeds;
        int problems;

        Side(StrategyModels.Models decisions, List<SimulatedTicket> tickets, int seeds) {
            this.decisions = decisions;
            this.seeds = seeds;
            List<StrategyModels.Plan> decided = tickets.parallelStream().map(ticket -> models.plan(decisions, ticket.facts())).toList();
            for (StrategyModels.Plan plan : decided) {
                segments.merge(String.valueOf(plan.segment()), 1, Integer::sum);
                problems += plan.problem() == null ? 0 : 1;
                plans.add(plan.problem() == null ? plan.steps() : List.of());
            }
        }

        void play(int s, long seed, List<SimulatedTicket> tickets, LocalDate firstDay, int days) {
            TicketRun.Outcome[] outcomes = new TicketRun.Outcome[tickets.size()];
            IntStream.range(0, tickets.size()).parallel().forEach(i ->
                    outcomes[i] = ticketRun.run(tickets.get(i), plans.get(i), firstDay, days, seed));
            long atEntry = tickets.stream().mapToLong(SimulatedTicket::atEntryCents).sum();
            Map<Channel, Integer> contacts = new EnumMap<>(Channel.class);
            long cured = 0, escalated = 0;
            int[] windows = windows(days);
            long[] within = new long[windows.length];
            for (TicketRun.Outcome outcome : outcomes) {
                for (int w = 0; w < windows.length; w++) {
                    within[w] += outcome.collectedByDay()[windows[w] - 1];
                }
                cured += outcome.cured() ? 1 : 0;
                escalated += outcome.escalated() ? 1 : 0;
                outcome.contacts().forEach((channel, count) -> contacts.merge(channel, count, Integer::sum));
                outcome.refused().forEach((rule, count) -> refused.merge(rule, count, Integer::sum));
            }
            for (int w = 0; w < windows.length; w++) {
                record("collected_" + windows[w] + "d", s, within[w] / 100.0);
                record("collection_rate_" + windows[w] + "d", s, atEntry == 0 ? 0 : (double) within[w] / atEntry);
            }
            double collected = within[windows.length - 1] / 100.0;
            record("cure_rate", s, tickets.isEmpty() ? 0 : (double) cured / tickets.size());
            record("escalated_share", s, tickets.isEmpty() ? 0 : (double) escalated / tickets.size());
            double cost = 0;
            for (Channel channel : Channel.values()) {
                if (channel.contact()) {
                    int count = contacts.getOrDefault(channel, 0);
                    record("contacts_" + channel, s, count);
                    cost += costs.perContact(channel.name()).doubleValue() * count;
                }
            }
            record("contact_cost", s, cost);
            record("cost_per_amount_collected", s, collected == 0 ? 0 : cost / collected);
        }

        private void record(String kpi, int s, double value) {
            perSeed.computeIfAbsent(kpi, k -> new double[seeds])[s] = value;
        }

        Variant view() {
            Map<String, Double> refusedPerSeed = new TreeMap<>();
            refused.forEach((rule, count) -> refusedPerSeed.put(rule, (double) count / seeds));
            return new Variant(decisions.segmentName(), decisions.strategyName(), segments, problems, refusedPerSeed);
        }
    }
}
