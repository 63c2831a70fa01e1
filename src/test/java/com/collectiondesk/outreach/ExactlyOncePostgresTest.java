package com.collectiondesk.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.collectiondesk.support.PostgresInitializer;
import com.collectiondesk.support.ServiceNodes;
import com.collectiondesk.ticket.TicketProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The same SMS job run at the same moment by two job executors on one PostgreSQL database, with their own
 * connections and transactions: Twilio is called once and the ticket records one SMS, even when both tries fail
 * their transactions and the job has to run again. Once as two threads of this engine, once as two engines.
 */
@ContextConfiguration(initializers = PostgresInitializer.class)
class ExactlyOncePostgresTest extends ChannelTestBase {

    private static final String SID = "SM000000000000000000000000000000aa";

    @Value("${spring.datasource.url}") String databaseUrl;

    @BeforeEach
    void slowTwilio() {
        TWILIO.resetAll();
        // slow enough that both tries are inside the send at once
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(aResponse().withStatus(201).withFixedDelay(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"" + SID + "\", \"status\": \"queued\"}")));
    }

    @Test
    void theSameSendJobRunByTwoThreadsAtOnceReachesTwilioOnce() throws Exception {
        ManagementService management = engine.getManagementService();
        sendOnceFrom(management, management);
    }

    @Test
    void theSameSendJobRunByTwoProcessEnginesOnOneDatabaseReachesTwilioOnce() throws Exception {
        ServiceNodes nodes = ServiceNodes.joining(databaseUrl,
                "--camunda.bpm.process-engine-name=second-node",
                "--collection.outreach.sms.transport=twilio",
                "--collection.twilio.account-sid=" + ACCOUNT_SID,
                "--collection.twilio.auth-token=" + AUTH_TOKEN,
                "--collection.twilio.from=" + FROM,
                "--collection.twilio.api-base-url=" + TWILIO.baseUrl(),
                "--collection.public-base-url=" + PUBLIC_BASE_URL);
        try (ConfigurableApplicationContext secondNode = nodes.start()) {
            ProcessEngine other = secondNode.getBean(ProcessEngine.class);
            assertThat(other.getName()).isNotEqualTo(engine.getName());
            sendOnceFrom(engine.getManagementService(), other.getManagementService());
        }
    }

    private void sendOnceFrom(ManagementService one, ManagementService other) throws Exception {
        ProcessInstance instance = openAndPlan(standardDebtor());
        fireTimer(instance);
        Job send = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(TicketProcess.SEND_OUTREACH).singleResult();

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (ManagementService node : List.of(one, other)) {
            runs.add(nodes.submit(() -> {
                start.await();
                node.executeJob(send.getId());
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
            } catch (ExecutionException lost) {
                refusals.add(lost.getCause().getClass().getSimpleName() + ": " + lost.getCause().getMessage());
            }
        }
        nodes.shutdown();

        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        // the node that sent can still lose the job row to the other's failure handling and roll back;
        // the job then retries, as the job executor would after its delay, and finds the send accepted
        // the send job itself, not its continuation after the send (async after, same activity)
        Job retry = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(TicketProcess.SEND_OUTREACH).list().stream()
                .filter(job -> job.getJobDefinitionId().equals(send.getJobDefinitionId())).findFirst().orElse(null);
        if (retry != null) {
            assertThat(succeeded).as("refusals: %s", refusals).isZero();
            engine.getManagementService().executeJob(retry.getId());
        } else {
            assertThat(succeeded).as("refusals: %s", refusals).isEqualTo(1);
        }
        runAsyncJobs(instance); // the send's own continuation after it (async after), as the job executor runs it

        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
        assertThat(contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId())).singleElement()
                .satisfies(sms -> assertThat(sms.getProviderId()).isEqualTo(SID));
        assertThat(instance).isWaitingAt(TicketProcess.WAIT_FOR_STEP);
    }
}
