package com.collectiondesk.simulation;

import com.collectiondesk.ledger.GeneratedLedger;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The shipped strategy against the example challenger ({@code docs/examples/collection-strategy-challenger.dmn}: high
 * risk called earlier and more, low risk by SMS only) over HTTP, as an analyst would ask: -Dbenchmark.customers
 * (default 2000), -Dbenchmark.seeds (20), -Dbenchmark.days (90). Prints the KPI table (means over the seeds, the
 * difference challenger − champion with its 95 % interval). Baselines in the same run: the shipped strategy against
 * itself (every difference must be 0: both meet the same luck), and the bare loop — one random generator and one coin
 * per ticket and day, no plan, no rule — with the ratio of the wall times. Run:
 * {@code ./mvnw -Pbenchmark verify -Dtest=StrategySimulationBenchmark -Dbenchmark.customers=1000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@IntegrationTest
class StrategySimulationBenchmark {

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;

    @Test
    void shippedStrategyAgainstTheExampleChallenger() throws IOException {
        int customers = Integer.getInteger("benchmark.customers", 2_000);
        int seeds = Integer.getInteger("benchmark.seeds", 20);
        int days = Integer.getInteger("benchmark.days", 90);
        TestUsers.ensure(identity, "bench-analyst", Groups.ANALYSTS);
        String challenger = Files.readString(Path.of("docs/examples/collection-strategy-challenger.dmn"), StandardCharsets.UTF_8);
        String shipped = new ClassPathResource("dmn/collection-strategy.dmn").getContentAsString(StandardCharsets.UTF_8);

        long first = System.nanoTime();
        JsonNode aToB = simulate(challenger, customers, seeds, days);
        long firstMs = (System.nanoTime() - first) / 1_000_000; // generating and scoring the portfolio included
        long started = System.nanoTime();
        aToB = simulate(challenger, customers, seeds, days);
        long ours = (System.nanoTime() - started) / 1_000_000;
        JsonNode aToA = simulate(shipped, customers, seeds, days);
        long bare = bareLoop(customers, seeds, days);

        System.out.printf("strategy simulation benchmark: %d customers (portfolio seed 18), %d tickets, %d days, %d seeds%n",
                customers, aToB.get("tickets").asInt(), days, seeds);
        System.out.printf("  champion %s + %s, segments %s%n", aToB.get("champion").get("segmentDecision").asText(),
                aToB.get("champion").get("strategyDecision").asText(), aToB.get("champion").get("ticketsPerSegment"));
        System.out.printf("  challenger %s, refused by the contact rules per seed: champion %s, challenger %s%n",
                aToB.get("challenger").get("strategyDecision").asText(), aToB.get("champion").get("refusedByPolicyPerSeed"),
                aToB.get("challenger").get("refusedByPolicyPerSeed"));
        System.out.printf("  %-28s %12s %12s %12s   %s%n", "kpi", "champion", "challenger", "difference", "95 % interval");
        for (JsonNode kpi : aToB.get("kpis")) {
            System.out.printf("  %-28s %12.4f %12.4f %12.4f   [%.4f, %.4f] %s%n", kpi.get("kpi").asText(),
                    kpi.get("champion").asDouble(), kpi.get("challenger").asDouble(), kpi.get("difference").asDouble(),
                    kpi.get("ciLow").asDouble(), kpi.get("ciHigh").asDouble(), kpi.get("unit").asText());
        }
        double largestAtoA = 0;
        for (JsonNode kpi : aToA.get("kpis")) {
            largestAtoA = Math.max(largestAtoA, Math.abs(kpi.get("difference").asDouble()));
        }
        System.out.printf("  baseline, shipped against itself: largest |difference| %.6f (must be 0)%n", largestAtoA);
        System.out.printf("  wall: first call %d ms (portfolio generated and scored in a private H2), warm %d ms,"
                + " shipped against itself %d ms | bare loop %d ms, ours / bare %.1f%n", firstMs, ours,
                aToA.get("elapsedMillis").asLong(), bare, (double) ours / Math.max(1, bare));
    }

    private JsonNode simulate(String strategy, int customers, int seeds, int days) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth("bench-analyst", TestUsers.PASSWORD).postForEntity(
                "/api/strategy/simulations", Map.of("strategy", strategy, "customers", customers, "seeds", seeds, "days", days),
                JsonNode.class);
        if (answer.getStatusCode() != HttpStatus.OK) {
            throw new AssertionError(answer.getStatusCode() + " " + answer.getBody());
        }
        return answer.getBody();
    }

    /** The same ticket-days, two strategies, the seeds: one generator and one coin each, nothing else. */
    private static long bareLoop(int customers, int seeds, int days) {
        GeneratedLedger ledger = GeneratedLedger.generate(customers, 18, GeneratedLedger.SCORING_DAY, GeneratedLedger.HORIZON);
        List<GeneratedLedger.GeneratedCustomer> tickets = ledger.customers().stream()
                .filter(customer -> !customer.overdueOn(ledger.scoringDay()).isEmpty()).toList();
        long started = System.nanoTime();
        long heads = 0;
        for (int variant = 0; variant < 2; variant++) {
            for (int s = 0; s < seeds; s++) {
                for (GeneratedLedger.GeneratedCustomer customer : tickets) {
                    for (int day = 0; day < days; day++) {
                        heads += new SplittableRandom(TicketRun.mix(s, customer.pk(), day)).nextDouble() < 0.01 ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("  (bare loop: %d heads)%n", heads);
        return (System.nanoTime() - started) / 1_000_000;
    }
}
