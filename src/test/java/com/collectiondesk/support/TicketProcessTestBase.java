package com.collectiondesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.collectiondesk.contact.ContactAttemptRepository;
import com.collectiondesk.dispute.DisputeRepository;
import com.collectiondesk.erp.ErpConnector;
import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.ledger.InvoiceRepository;
import com.collectiondesk.ledger.PaymentAllocationRepository;
import com.collectiondesk.ledger.PaymentRepository;
import com.collectiondesk.promise.PromiseRepository;
import com.collectiondesk.strategy.TicketStepRepository;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketEventRepository;
import com.collectiondesk.ticket.TicketOpener;
import com.collectiondesk.ticket.TicketRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole service with the real delegates and JPA; the job executor is off, so each test drives jobs and
 * timers itself on the engine clock. All ticket process tests share this one Spring context.
 */
@IntegrationTest
public abstract class TicketProcessTestBase {

    /** 06:00 UTC = 08:00 in Sofia, one hour before the send window opens. */
    public static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T06:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired public ProcessEngine engine;
    @Autowired public TicketRepository tickets;
    @Autowired public TicketEventRepository events;
    @Autowired public ContactAttemptRepository contacts;
    @Autowired public PromiseRepository promises;
    @Autowired public DisputeRepository disputes;
    @Autowired public TicketStepRepository steps;
    @Autowired public TicketOpener opener;
    @Autowired public TransactionTemplate transaction;
    @MockitoSpyBean public ErpConnector erp;

    public LedgerFixture ledger;

    @Autowired
    protected void ledgerFixture(org.springframework.context.ApplicationContext context) {
        ledger = LedgerFixture.of(context);
    }

    @BeforeEach
    protected void startClock() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    }

    @AfterEach
    protected void resetClock() {
        ClockUtil.reset();
    }

    /** A STANDARD-segment debtor: 300.00 EUR consumer loan, 20 days past due, medium risk. */
    protected Customer standardDebtor() {
        Customer customer = ledger.customer(500);
        Contract loan = ledger.contract(customer, "CONSUMER_LOAN");
        ledger.invoice(customer, loan, "200.00", TODAY.minusDays(20));
        ledger.invoice(customer, loan, "100.00", TODAY.minusDays(5));
        return customer;
    }

    /** Opens the ticket, lets it sync with the ERP and plan its steps; returns its process instance. */
    protected ProcessInstance openAndPlan(Customer customer) {
        return openAndPlan(customer, "EUR");
    }

    /** The debtor's ticket in that currency, opened and planned. */
    protected ProcessInstance openAndPlan(Customer customer, String currency) {
        String number = opener.open(customer.getId(), currency, TODAY).getTicketNumber();
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult();
        runAsyncJobs(instance);
        return instance;
    }

    /** Runs the instance's async continuations (ERP sync and notices, sends) as the job executor would; timers wait. */
    protected void runAsyncJobs(ProcessInstance instance) {
        org.camunda.bpm.engine.ManagementService management = engine.getManagementService();
        for (Job next = nextAsyncJob(management, instance); next != null; next = nextAsyncJob(management, instance)) {
            execute(next);
        }
    }

    private static Job nextAsyncJob(org.camunda.bpm.engine.ManagementService management, ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).messages().withRetriesLeft()
                .listPage(0, 1).stream().findFirst().orElse(null);
    }

    /** Completes the task as Tasklist would and lets the process run on to its next wait state. */
    protected void complete(org.camunda.bpm.engine.task.Task task, java.util.Map<String, Object> variables) {
        engine.getTaskService().complete(task.getId(), variables);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        if (instance != null) {
            runAsyncJobs(instance);
        }
    }

    protected ProcessInstance open(Customer customer) {
        return open(customer, TODAY);
    }

    protected ProcessInstance open(Customer customer, LocalDate asOf) {
        String number = opener.open(customer.getId(), "EUR", asOf).getTicketNumber();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    /** Moves the clock to the waiting timer's due date and fires it; returns the due date. */
    protected Instant fireTimer(ProcessInstance instance) {
        Job timer = job(instance);
        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);
        return timer.getDuedate().toInstant();
    }

    /** Fires the step timer and runs what follows up to the next wait state (e.g. the async send). */
    protected Instant runNextStep(ProcessInstance instance) {
        Instant due = fireTimer(instance);
        runAsyncJobs(instance);
        return due;
    }

    protected Ticket ticketOf(ProcessInstance instance) {
        return tickets.findByTicketNumber(instance.getBusinessKey()).orElseThrow();
    }

    protected List<String> timelineTypes(Ticket ticket) {
        return events.findByTicketIdOrderByAtAscIdAsc(ticket.getId()).stream().map(TicketEvent::getType).toList();
    }

    protected static Instant sofiaNineOn(LocalDate day) {
        return day.atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Sofia")).toInstant();
    }

    protected static void assertDue(Instant actual, LocalDate day) {
        assertThat(actual).isEqualTo(sofiaNineOn(day));
    }
}
