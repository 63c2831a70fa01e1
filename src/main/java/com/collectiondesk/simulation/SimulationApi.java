package com.collectiondesk.simulation;

import com.collectiondesk.errors.Conflict;
import com.collectiondesk.errors.InputRefused;
import com.collectiondesk.security.AllowedGroups;
import com.collectiondesk.security.Groups;
import com.collectiondesk.strategy.StrategyModels;
import io.swagger.v3.oas.annotations.Operation;
import java.util.concurrent.Semaphore;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The strategy lab's simulation: the deployed strategy against a challenger on the generated portfolio, before any
 * real debtor is tried. Bounded, so one request cannot hold the service's cores for long. README, "Simulation of a
 * strategy".
 */
@RestController
@RequestMapping("/api/strategy")
@AllowedGroups({Groups.MANAGERS, Groups.ANALYSTS})
class SimulationApi {

    static final int MAX_CUSTOMERS = 10_000, MAX_DAYS = 180, MAX_SEEDS = 50;
    /** Customers × seeds: the ticket runs one request may ask for (each strategy). */
    static final int MAX_RUNS = 200_000;

    /** The score benchmark's portfolio (ScoreSeparationTest, RiskScoreBenchmark). */
    static final long PORTFOLIO_SEED = 18;

    /** One at a time: a run takes every core for seconds. */
    private final Semaphore running = new Semaphore(1);
    private final StrategyModels models;
    private final StrategySimulation simulation;

    SimulationApi(StrategyModels models, StrategySimulation simulation) {
        this.models = models;
        this.simulation = simulation;
    }

    /**
     * The challenger's candidates as DMN XML text ({@code strategy} may hold {@code collection-strategy} or
     * {@code collection-strategy-challenger}); none: the deployed challenger. Missing numbers take their defaults.
     */
    record SimulationRequest(String segment, String strategy, Integer customers, Long portfolioSeed, Integer days,
                             Integer seeds, Long seed) {
    }

    @Operation(summary = "Simulate the deployed strategy against a challenger (candidate segment and/or strategy DMN, or the deployed challenger) on a generated portfolio for N days with a behaviour model and the contact rules, over several seeds, changing nothing: collected amount and rate at 30/60/90 days, cure rate, contacts per channel, cost, cost per amount collected, each difference with its 95 % interval (analysts, managers)")
    @PostMapping(path = "/simulations", consumes = MediaType.APPLICATION_JSON_VALUE)
    StrategySimulation.Result simulate(@RequestBody SimulationRequest request) {
        int customers = bounded("customers", request.customers(), 2_000, 100, MAX_CUSTOMERS);
        int days = bounded("days", request.days(), 90, 1, MAX_DAYS);
        int seeds = bounded("seeds", request.seeds(), 20, 2, MAX_SEEDS);
        if ((long) customers * seeds > MAX_RUNS) {
            throw new InputRefused("seeds", "customers × seeds is at most " + MAX_RUNS + ", not " + customers + " × " + seeds
                    + ": ask for fewer seeds or customers");
        }
        boolean candidates = !blank(request.segment()) || !blank(request.strategy());
        if (!candidates && !models.challengerDeployed()) {
            throw new InputRefused("strategy", "send a challenger: the DMN XML of a 'strategy' and/or a 'segment' decision"
                    + " (no collection-strategy-challenger is deployed)");
        }
        StrategyModels.Models challenger = candidates ? models.candidates(request.segment(), request.strategy())
                : models.deployedChallenger();
        if (!running.tryAcquire()) {
            throw new Conflict("A simulation is running", "one simulation at a time: try again when the running one has answered");
        }
        try {
            return simulation.run(new StrategySimulation.Run(customers, orDefault(request.portfolioSeed(), PORTFOLIO_SEED), days,
                    seeds, orDefault(request.seed(), 1), models.deployed(), challenger));
        } finally {
            running.release();
        }
    }

    private static int bounded(String field, Integer value, int byDefault, int min, int max) {
        if (value == null) {
            return byDefault;
        }
        if (value < min || value > max) {
            throw new InputRefused(field, "a whole number from " + min + " to " + max + ", not " + value);
        }
        return value;
    }

    private static long orDefault(Long value, long byDefault) {
        return value == null ? byDefault : value;
    }

    private static boolean blank(String xml) {
        return xml == null || xml.isBlank();
    }
}
