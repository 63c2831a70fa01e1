package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.security.Groups;
import com.collectiondesk.support.ModelerDeployments;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A manager promotes the challenger (the test configuration gives it 50 % of new STANDARD tickets; its day-0 step is
 * an EMAIL where the champion sends an SMS): new tickets are the champion's and planned by the promoted rules, tickets
 * planned before keep their variant and plan, and the promotion is on record. Anyone but a manager is refused.
 */
class ChallengerPromotionTest extends TicketProcessTestBase {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void users() {
        TestUsers.ensure(identity, "maria", Groups.MANAGERS);
        TestUsers.ensure(identity, "alex", Groups.ANALYSTS);
    }

    /** The shared test engine goes back to the shipped champion alone for the other tests. */
    @AfterEach
    void withdrawChallengerAndPromotion() {
        jdbc.update("delete from strategy_promotion");
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void promotingMakesTheChallengersRulesTheChampionsForNewTicketsOnlyAndIsOnRecord() throws IOException {
        deployChallenger();
        Map<StrategyVariant, Ticket> before = oneOfEachVariant();
        List<String> challengerPlanBefore = planOf(before.get(StrategyVariant.CHALLENGER));
        List<String> championPlanBefore = planOf(before.get(StrategyVariant.CHAMPION));
        int championVersionBefore = latestChampion().getVersion();

        ResponseEntity<JsonNode> promoted = http.withBasicAuth("maria", TestUsers.PASSWORD)
                .postForEntity("/api/strategy/promotions", null, JsonNode.class);

        assertThat(promoted.getStatusCode()).as(String.valueOf(promoted.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(promoted.getBody().get("promotedBy").asText()).isEqualTo("maria");
        assertThat(promoted.getBody().get("promotedAt").asText()).isEqualTo("2026-03-02T06:00:00Z");
        assertThat(promoted.getBody().get("challengerVersion").asInt()).isEqualTo(1);
        assertThat(promoted.getBody().get("championVersion").asInt()).isEqualTo(championVersionBefore + 1);
        deployments.add(promoted.getBody().get("deploymentId").asText());
        JsonNode record = http.withBasicAuth("alex", TestUsers.PASSWORD).getForObject("/api/strategy/promotions", JsonNode.class);
        assertThat(record).hasSize(1);
        assertThat(record.get(0).get("promotedBy").asText()).isEqualTo("maria");

        // tickets planned before keep their variant and their plan
        assertThat(variantOf(before.get(StrategyVariant.CHALLENGER)).get("variant").asText()).isEqualTo("CHALLENGER");
        assertThat(variantOf(before.get(StrategyVariant.CHAMPION)).get("variant").asText()).isEqualTo("CHAMPION");
        assertThat(planOf(before.get(StrategyVariant.CHALLENGER))).isEqualTo(challengerPlanBefore);
        assertThat(planOf(before.get(StrategyVariant.CHAMPION))).isEqualTo(championPlanBefore).startsWith("SMS day 0");

        // every new ticket, whatever its bucket, is the champion's and planned by the promoted rules
        int wouldHaveBeenChallengers = 0;
        for (int opened = 0; opened < 8; opened++) {
            Ticket ticket = ticketOf(openAndPlan(standardDebtor()));
            wouldHaveBeenChallengers += StrategyVariant.of(StrategyVariant.bucketOf(ticket.getTicketNumber()), 50)
                    == StrategyVariant.CHALLENGER ? 1 : 0;
            assertThat(variantOf(ticket).get("variant").asText()).as(ticket.getTicketNumber()).isEqualTo("CHAMPION");
            assertThat(planOf(ticket)).containsExactly("EMAIL day 0", "CALL day 5", "LETTER day 10", "ESCALATE day 20");
            assertThat(tickets.findById(ticket.getId()).orElseThrow().getStrategy())
                    .isEqualTo("collection-strategy v" + (championVersionBefore + 1));
        }
        assertThat(wouldHaveBeenChallengers).as("some new tickets' buckets were the challenger's").isPositive();
    }

    @Test
    void theTicketsDetailShowsItsVariantAndWhyAmongTheDecisions() throws IOException {
        deployChallenger();
        Ticket challenger = oneOfEachVariant().get(StrategyVariant.CHALLENGER);
        String why = "CHALLENGER: bucket " + StrategyVariant.bucketOf(challenger.getTicketNumber())
                + " of 10000, challenger share 50.0 % for segment STANDARD";

        JsonNode detail = detailOf(challenger);

        assertThat(detail.get("variant").get(0).get("variant").asText()).isEqualTo("CHALLENGER");
        assertThat(detail.get("variant").get(0).get("why").asText()).isEqualTo(why);
        List<String> decisions = new ArrayList<>();
        detail.get("decisions").forEach(entry -> decisions.add(entry.get("type").asText() + " " + entry.get("details").asText()));
        assertThat(decisions).anySatisfy(entry -> assertThat(entry).isEqualTo("STRATEGY_VARIANT " + why));
        assertThat(decisions.get(decisions.size() - 1)).startsWith("STRATEGY_PLANNED collection-strategy-challenger v1");
    }

    @Test
    void anAnalystOrACollectorIsRefusedAndNothingIsPromoted() throws IOException {
        deployChallenger();
        TestUsers.ensure(identity, "carla", Groups.COLLECTORS);
        int championVersion = latestChampion().getVersion();

        for (String user : List.of("alex", "carla")) {
            ResponseEntity<String> refused = http.withBasicAuth(user, TestUsers.PASSWORD)
                    .postForEntity("/api/strategy/promotions", null, String.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }

        assertThat(latestChampion().getVersion()).isEqualTo(championVersion);
        assertThat(http.withBasicAuth("maria", TestUsers.PASSWORD).getForObject("/api/strategy/promotions", JsonNode.class)).isEmpty();
        Ticket next = ticketOf(openAndPlan(standardDebtor())); // the challenger is still on trial
        assertThat(variantOf(next).get("variant").asText())
                .isEqualTo(StrategyVariant.of(StrategyVariant.bucketOf(next.getTicketNumber()), 50).name());
    }

    @Test
    void withoutAChallengerOrOnceItIsPromotedThereIsNothingToPromote() throws IOException {
        ResponseEntity<JsonNode> none = http.withBasicAuth("maria", TestUsers.PASSWORD)
                .postForEntity("/api/strategy/promotions", null, JsonNode.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(none.getBody().get("detail").asText())
                .isEqualTo("No challenger strategy (decision 'collection-strategy-challenger') is deployed.");

        deployChallenger();
        ResponseEntity<JsonNode> first = http.withBasicAuth("maria", TestUsers.PASSWORD)
                .postForEntity("/api/strategy/promotions", null, JsonNode.class);
        deployments.add(first.getBody().get("deploymentId").asText());
        ResponseEntity<JsonNode> again = http.withBasicAuth("maria", TestUsers.PASSWORD)
                .postForEntity("/api/strategy/promotions", null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).startsWith("collection-strategy-challenger v1 was promoted by maria at ");
    }

    private void deployChallenger() throws IOException {
        ResponseEntity<JsonNode> deployed = ModelerDeployments.deploy(http, engine, "strategy-challenger",
                "collection-strategy-challenger.dmn", ChampionChallengerTest.challenger("\"EMAIL\"", "\"email-friendly\""));
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        deployments.add(deployed.getBody().get("id").asText());
    }

    private Map<StrategyVariant, Ticket> oneOfEachVariant() {
        Map<StrategyVariant, Ticket> seen = new EnumMap<>(StrategyVariant.class);
        for (int opened = 0; opened < 30 && seen.size() < 2; opened++) {
            Ticket ticket = ticketOf(openAndPlan(standardDebtor()));
            seen.putIfAbsent(StrategyVariant.of(StrategyVariant.bucketOf(ticket.getTicketNumber()), 50), ticket);
        }
        assertThat(seen).containsOnlyKeys(StrategyVariant.CHAMPION, StrategyVariant.CHALLENGER);
        return seen;
    }

    private DecisionDefinition latestChampion() {
        return engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(Decisions.COLLECTION_STRATEGY)
                .latestVersion().singleResult();
    }

    private JsonNode detailOf(Ticket ticket) {
        ResponseEntity<JsonNode> detail = http.withBasicAuth("maria", TestUsers.PASSWORD)
                .getForEntity("/api/tickets/" + ticket.getTicketNumber(), JsonNode.class);
        assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
        return detail.getBody();
    }

    private JsonNode variantOf(Ticket ticket) {
        return detailOf(ticket).get("variant").get(0);
    }

    private List<String> planOf(Ticket ticket) {
        return steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticket.getId()).stream()
                .map(step -> step.getChannel() + " day " + step.getDayOffset()).toList();
    }
}
