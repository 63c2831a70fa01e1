package com.collectiondesk.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.collectiondesk.support.PostgresInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

/**
 * Two job executors (own threads, own connections and transactions, as two nodes would have) run the same
 * SMS job at the same moment on PostgreSQL: Twilio is called once and the ticket records one SMS, even
 * when both tries fail their transactions and the job has to run again.
 */
@ContextConfiguration(initializers = PostgresInitializer.class)
class ExactlyOncePostgresTest extends ChannelTestBase {

    @Test
    void theSameSendJobRunByTwoNodesAtOnceReachesTwilioOnce() throws Exception {
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201).withFixedDelay(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM000000000000000000000000000000aa\", \"status\": \"queued\"}")));
        ProcessInstance instance = openAndPlan(standardDebtor());
        fireTimer(instance);
        Job send = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(TicketProcess.SEND_OUTREACH).singleResult();

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            runs.add(nodes.submit(() -> {
                start.await();
                engine.getManagementService().executeJob(send.getId());
                return null;
            }));
        }
        start.countDown();
        int succeeded = 0;
        List<String> refusals = new ArrayList<>();
        for (Future<?> run : runs) {
            try {
                run.get();
                succeeded++;
            } catch (java.util.concurrent.ExecutionException lost) {
                refusals.add(lost.getCause().getClass().getSimpleName() + ": " + lost.getCause().getMessage());
            }
        }
        nodes.shutdown();

        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        // the node that sent can still lose the job row to the other's failure handling and roll back;
        // the job then retries, as the job executor would after its delay, and finds the send accepted
        Job retry = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(TicketProcess.SEND_OUTREACH).singleResult();
        if (retry != null) {
            assertThat(succeeded).as("refusals: %s", refusals).isZero();
            engine.getManagementService().executeJob(retry.getId());
        } else {
            assertThat(succeeded).as("refusals: %s", refusals).isEqualTo(1);
        }

        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).singleElement()
                .satisfies(sms -> assertThat(sms.getProviderId()).isEqualTo("SM000000000000000000000000000000aa"));
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
    }
}
