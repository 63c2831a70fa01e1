package com.collectiondesk.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.support.ModelerDeployments;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An analyst deploys a challenger strategy beside the champion; the test configuration gives it 50 % of new STANDARD
 * tickets. Each ticket's variant follows from its number, is recorded on it, and a challenger ticket is planned by
 * the challenger decision.
 */
class ChampionChallengerTest extends TicketProcessTestBase {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    private String deploymentId;

    /** The shared test engine goes back to the champion alone for the other tests. */
    @AfterEach
    void withdrawTheChallenger() {
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void eachNewTicketFollowsTheVariantItsNumberGivesAndAChallengerTicketIsPlannedByTheChallenger() throws IOException {
        ResponseEntity<JsonNode> deployed = deploy(challenger("\"EMAIL\"", "\"email-friendly\""));
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
        deploymentId = deployed.getBody().get("id").asText();

        Map<StrategyVariant, Ticket> seen = new EnumMap<>(StrategyVariant.class);
        for (int opened = 0; opened < 30 && seen.size() < 2; opened++) {
            Ticket ticket = ticketOf(openAndPlan(standardDebtor()));
            StrategyVariant expected = StrategyVariant.of(StrategyVariant.bucketOf(ticket.getTicketNumber()), 50);
            assertThat(recordedVariant(ticket)).as(ticket.getTicketNumber()).isEqualTo(expected.name());
            seen.putIfAbsent(expected, ticket);
        }
        assertThat(seen).containsOnlyKeys(StrategyVariant.CHAMPION, StrategyVariant.CHALLENGER);

        Ticket challenger = seen.get(StrategyVariant.CHALLENGER);
        assertThat(planOf(challenger)).containsExactly("EMAIL day 0", "CALL day 5", "LETTER day 10", "ESCALATE day 20");
        assertThat(challenger.getStrategy()).isEqualTo("collection-strategy-challenger v1");
        assertThat(timelineOf(challenger)).anySatisfy(details -> assertThat(details).startsWith("CHALLENGER: bucket "
                + StrategyVariant.bucketOf(challenger.getTicketNumber()) + " of 10000, challenger share 50.0 % for segment STANDARD"));
        Ticket champion = seen.get(StrategyVariant.CHAMPION);
        assertThat(planOf(champion)).containsExactly("SMS day 0", "CALL day 5", "LETTER day 10", "ESCALATE day 20");
        assertThat(champion.getStrategy()).startsWith("collection-strategy v");
    }

    @Test
    void withoutADeployedChallengerEveryTicketIsTheChampionsWhateverItsBucket() {
        for (int opened = 0; opened < 4; opened++) {
            Ticket ticket = ticketOf(openAndPlan(standardDebtor()));
            assertThat(recordedVariant(ticket)).isEqualTo("CHAMPION");
            assertThat(planOf(ticket)).startsWith("SMS day 0");
        }
    }

    @Test
    void aChallengerWithAChannelThatIsNoChannelIsRefusedNamingTheRuleAndNothingIsDeployed() throws IOException {
        long before = engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(Decisions.COLLECTION_STRATEGY_CHALLENGER).count();

        // without the column's allowed values, so the strategy's own channel check (not the output-values rule) answers
        ResponseEntity<JsonNode> refused = deploy(challenger("\"PIGEON\"", "\"email-friendly\"").replaceAll(
                "(?s)<outputValues id=\"collection-strategy-out-1-values\">.*?</outputValues>", ""));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("Deployment refused: collection-strategy-challenger.dmn decision table"
                + " 'collection-strategy-challenger' rule 'collection-strategy-rule-1' (rule 1) gives the channel '\\\"PIGEON\\\"',"
                + " which is not a channel").doesNotContain("Exception:");
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(Decisions.COLLECTION_STRATEGY_CHALLENGER).count()).isEqualTo(before);
    }

    /** The shipped strategy as decision collection-strategy-challenger, the STANDARD day-0 SMS replaced. */
    static String challenger(String dayZeroChannel, String dayZeroTemplate) throws IOException {
        String shipped = new ClassPathResource("dmn/collection-strategy.dmn").getContentAsString(StandardCharsets.UTF_8);
        String challenger = shipped
                .replace("<decision id=\"collection-strategy\" name=\"Collection strategy\"",
                        "<decision id=\"collection-strategy-challenger\" name=\"Collection strategy challenger\"")
                .replace("dmnElementRef=\"collection-strategy\"", "dmnElementRef=\"collection-strategy-challenger\"")
                .replace("id=\"collection-strategy-definitions\"", "id=\"collection-strategy-challenger-definitions\"")
                .replace("<outputEntry id=\"collection-strategy-rule-1-out-1\"><text>&quot;SMS&quot;</text></outputEntry>",
                        "<outputEntry id=\"collection-strategy-rule-1-out-1\"><text>" + dayZeroChannel + "</text></outputEntry>")
                .replace("<outputEntry id=\"collection-strategy-rule-1-out-2\"><text>&quot;sms-reminder&quot;</text></outputEntry>",
                        "<outputEntry id=\"collection-strategy-rule-1-out-2\"><text>" + dayZeroTemplate + "</text></outputEntry>");
        assertThat(challenger).contains("id=\"collection-strategy-challenger\"", "<text>" + dayZeroChannel + "</text>");
        return challenger;
    }

    private ResponseEntity<JsonNode> deploy(String dmn) {
        return ModelerDeployments.deploy(http, engine, "strategy-challenger", "collection-strategy-challenger.dmn", dmn);
    }

    private String recordedVariant(Ticket ticket) {
        return jdbc.queryForObject("select variant from strategy_variant where ticket_fk = ?", String.class, ticket.getId());
    }

    private List<String> planOf(Ticket ticket) {
        return steps.findByTicketIdOrderByPlanRoundAscStepIndexAsc(ticket.getId()).stream()
                .map(step -> step.getChannel() + " day " + step.getDayOffset()).toList();
    }

    private List<String> timelineOf(Ticket ticket) {
        return events.findByTicketIdOrderByAtAscIdAsc(ticket.getId()).stream()
                .filter(e -> e.getType().equals("STRATEGY_VARIANT")).map(e -> e.getDetails()).toList();
    }
}
