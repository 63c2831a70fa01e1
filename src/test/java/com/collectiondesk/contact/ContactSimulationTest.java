package com.collectiondesk.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.contact.ContactLogAudit.Contact;
import com.collectiondesk.contact.ContactLogAudit.Facts;
import com.collectiondesk.contact.ContactLogAudit.Violation;
import com.collectiondesk.contact.ContactOracle.Answer;
import com.collectiondesk.contact.ContactOracle.Rule;
import com.collectiondesk.contact.SimulatedPortfolio.Debtor;
import com.collectiondesk.ledger.CsvImport;
import com.collectiondesk.ledger.ImportResult;
import com.collectiondesk.ledger.RecordKind;
import com.collectiondesk.scan.ScanProcess;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.ticket.TicketConflictException;
import com.collectiondesk.ticket.TicketProcess;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue 13's sequence simulation: {@value #DEFAULT_DEBTORS} debtors imported through the ledger's CSV import run
 * for {@value #DEFAULT_DAYS} days through the real process on the engine clock: the daily scan opens and refreshes
 * their tickets, the step timers and sends run as jobs at their due instants, and simulated people act in between.
 * Collectors work 09:00-17:00 in Sofia, Monday to Friday, pick up call tasks minutes to days after they appear,
 * start the call through {@link CallStarts} (what {@code POST /api/tickets/{n}/calls} calls) or complete the form
 * directly, retry at the next callable moment when refused, and call back after replies; debtors reply to SMS
 * through the signed Twilio webhook (some with STOP), promise, dispute and pay; managers decide escalations.
 * Then every contact in the database's log is judged by {@link ContactOracle}: no rule may be broken. Before the
 * call was checked when made, a collector's call went through whenever they opened the task: the same pick-ups,
 * judged by the oracle when they happen, count what that would have broken.
 * Sizes: {@code -Dsimulation.debtors}, {@code -Dsimulation.days}, {@code -Dsimulation.seed}.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "collection.twilio.auth-token=" + ContactSimulationTest.AUTH_TOKEN,
        "collection.public-base-url=" + ContactSimulationTest.PUBLIC_BASE_URL,
        // H2 keeps 8 parsed statements per connection by default; the engine's few hundred are parsed once instead
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=1024"})
class ContactSimulationTest {

    static final String AUTH_TOKEN = "simulation-auth-token";
    static final String PUBLIC_BASE_URL = "https://simulation.example.com";
    static final int DEFAULT_DEBTORS = 200;
    static final int DEFAULT_DAYS = 10;
    private static final int DEBTORS = Integer.getInteger("simulation.debtors", DEFAULT_DEBTORS);
    private static final int DAYS = Integer.getInteger("simulation.days", DEFAULT_DAYS);
    private static final long SEED = Long.getLong("simulation.seed", 13L);
    /** Monday 2 March 2026, 07:00 in Sofia; within 60 days: US (8 Mar) and EU (29 Mar) summer time, AU and NZ (5 Apr) winter time. */
    private static final Instant START = Instant.parse("2026-03-02T05:00:00Z");
    private static final ZoneId OFFICE = ZoneId.of("Europe/Sofia");
    private static final LocalTime OFFICE_OPENS = LocalTime.of(9, 0);
    private static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 0);
    private static final int COLLECTORS = 16;
    private static final String MANAGER = "sim-manager";
    private static final String DISPUTE_HANDLER = "sim-disputes";

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired CsvImport csvImport;
    @Autowired CallStarts calls;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;

    private final Random random = new Random(SEED);
    private final PriorityQueue<Action> agenda = new PriorityQueue<>();
    private final Set<String> seenTasks = new HashSet<>();
    private final Map<String, Debtor> debtorsById = new HashMap<>();
    private final Map<String, Instant> ceasedAt = new HashMap<>();
    private final Counts counts = new Counts();
    private ContactLogAudit audit;
    private Map<String, Facts> facts;
    private Instant now = START;
    private Instant lastTaskPoll = START;
    private long lastSmsSeen;
    private long sequence;
    private long startedWall;
    private long startedCpu;

    /** Something a person does at a moment. */
    private record Action(Instant at, long order, String what, Runnable run) implements Comparable<Action> {
        @Override
        public int compareTo(Action other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /** What happened, for the printout and the assertions. */
    private static final class Counts {
        int jobs;
        int scans;
        final List<String> jobFailures = new ArrayList<>();
        int callAttempts;
        int refusedAtStart;
        int refusedAtCompletion;
        final Map<String, Integer> refusedByRule = new TreeMap<>();
        int callsMade;
        int formOnlyCalls;
        int callBacks;
        int conversations;
        int promises;
        int disputes;
        int replies;
        int stops;
        int payments;
        int escalationsDecided;
        int disputesResolved;
        int ceased;
        int tasksGone;
        /** Collectors' pick-ups the oracle forbids at that moment: calls that went through unchecked before issue 13. */
        final Map<Rule, Integer> uncheckedViolations = new EnumMap<>(Rule.class);
        /** The service and the oracle disagreeing on a pick-up (refused though allowed, or allowed though forbidden). */
        final List<String> disagreements = new ArrayList<>();
        /** Where the simulation's processor time goes (this thread's), in nanoseconds per part. */
        final Map<String, Long> time = new TreeMap<>();

        void took(String part, long since) {
            time.merge(part, cpu() - since, Long::sum);
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void aPortfolioRunThroughTheProcessForWeeksContactsNobodyAgainstTheRules() {
        startedWall = System.nanoTime();
        startedCpu = cpu();
        long started = startedWall;
        setClock(START);
        SimulatedPortfolio portfolio = SimulatedPortfolio.generate(DEBTORS, SEED, LocalDate.ofInstant(START, OFFICE));
        portfolio.debtors().forEach(debtor -> debtorsById.put(debtor.customerId(), debtor));
        importLedger(portfolio);
        people();
        audit = new ContactLogAudit(jdbc);
        facts = audit.facts(Map.of());
        assertDerivedZonesCoverWhereDebtorsLive(portfolio);
        scheduleDebtorsLives(portfolio);
        firstScanAtSixToday();

        Instant end = START.plus(Duration.ofDays(DAYS));
        run(end);
        long simulated = System.nanoTime();
        counts.time.put("total (processor time of the simulation thread)", cpu() - startedCpu);

        facts = audit.facts(Map.of());
        List<Violation> violations = audit.audit(facts, ceasedAt);
        Map<Rule, Integer> perRule = ContactLogAudit.perRule(violations);
        Map<String, List<Contact>> log = audit.log();
        print(log, perRule, violations, Duration.ofNanos(simulated - started), Duration.ofNanos(System.nanoTime() - simulated));

        assertThat(counts.jobFailures).as("jobs that failed").isEmpty();
        assertThat(counts.disagreements).as("call attempts on which the service and the oracle disagree").isEmpty();
        assertThat(violations).as("contacts the rules forbid").isEmpty();
        assertThat(perRule.values()).allMatch(count -> count == 0);
        // contact happened in quantity (a tenth of what 200 debtors over 10 days gave): it cannot pass by contacting nobody
        List<Contact> all = log.values().stream().flatMap(List::stream).toList();
        double scale = DEBTORS / 200.0 * Math.min(DAYS, 10) / 10.0;
        assertThat(all.stream().filter(c -> !c.inbound() && !c.channel().equals("CALL")).count()).isGreaterThan((long) (20 * scale));
        assertThat(counts.callsMade).isGreaterThan((int) (10 * scale));
        assertThat(counts.refusedAtStart + counts.refusedAtCompletion).isGreaterThan((int) (10 * scale));
        assertThat(counts.conversations).isGreaterThan((int) (5 * scale));
        assertThat(counts.replies).isPositive();
        // the daily scan's timer and its async job, once a day
        assertThat(counts.scans).isGreaterThanOrEqualTo(2 * (DAYS - 1));
    }

    // --- the simulation loop -----------------------------------------------------------------------------------

    /** Jobs at their due instants and people's actions at theirs, in time order, on the engine clock. */
    private void run(Instant end) {
        Instant nextProgress = START.plus(Duration.ofDays(1));
        while (true) {
            if (!now.isBefore(nextProgress)) {
                progress(nextProgress);
                nextProgress = nextProgress.plus(Duration.ofDays(1));
            }
            Instant nextJob = nextJobDue();
            Instant nextAction = agenda.isEmpty() ? null : agenda.peek().at();
            Instant next = earliest(nextJob, nextAction);
            if (next == null || next.isAfter(end)) {
                setClock(end);
                return;
            }
            if (next.isAfter(now)) {
                setClock(next);
            }
            if (nextJob != null && !nextJob.isAfter(now)) {
                runDueJobs();
            } else {
                Action action = agenda.poll();
                long since = cpu();
                action.run().run();
                counts.took("action " + action.what().split(" ")[0], since);
                runDueJobs();
            }
            long since = cpu();
            noticeNewTasks();
            counts.took("task poll", since);
        }
    }

    /** One line per simulated day, so that a long run shows how far it got and what a job costs. */
    private void progress(Instant day) {
        long cpu = cpu() - startedCpu;
        System.out.printf("simulation: day %d of %d done after %.0f s, %,d jobs, %,d calls made, %.1f ms processor time per job%n",
                Duration.between(START, day).toDays(), DAYS, (System.nanoTime() - startedWall) / 1e9, counts.jobs,
                counts.callsMade, counts.jobs == 0 ? 0.0 : cpu / 1e6 / counts.jobs);
    }

    private Instant nextJobDue() {
        long since = cpu();
        List<Job> next = management.createJobQuery().active().withRetriesLeft().orderByJobDuedate().asc().listPage(0, 1);
        counts.took("job query", since);
        if (next.isEmpty()) {
            return null;
        }
        Date due = next.get(0).getDuedate();
        return due == null ? now : due.toInstant();
    }

    /** Every job due now, as the job executor would run them, until none is left. */
    private void runDueJobs() {
        while (true) {
            long queried = cpu();
            List<Job> due = management.createJobQuery().executable().active().orderByJobDuedate().asc().listPage(0, 500);
            counts.took("job query", queried);
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                long since = cpu();
                try {
                    if (job.getProcessDefinitionKey() != null && job.getProcessDefinitionKey().equals(ScanProcess.KEY)) {
                        counts.scans++;
                    }
                    management.executeJob(job.getId());
                    counts.jobs++;
                    counts.took("job " + job.getProcessDefinitionKey() + (job.getDuedate() == null ? " async" : " timer"), since);
                } catch (RuntimeException e) {
                    counts.jobFailures.add(now + " " + job.getProcessDefinitionKey() + " " + job.getId() + ": " + e.getMessage());
                }
            }
        }
    }

    private void noticeNewTasks() {
        List<Task> created = tasks.createTaskQuery().taskCreatedAfter(Date.from(lastTaskPoll.minusMillis(1))).active()
                .listPage(0, 2000);
        lastTaskPoll = now;
        for (Task task : created) {
            if (!seenTasks.add(task.getId())) {
                continue;
            }
            String ticket = businessKey(task);
            switch (task.getTaskDefinitionKey()) {
                case TicketProcess.CALL_DEBTOR -> schedule(officeTime(now.plus(pickUpDelay()), collectorOf(ticket)), "call " + ticket,
                        () -> callTask(task.getId(), ticket, collectorOf(ticket), 1));
                case TicketProcess.ANSWER_REPLY -> schedule(officeTime(now.plus(minutes(10, 24 * 60)), collectorOf(ticket)),
                        "reply " + ticket, () -> answerReply(task.getId(), ticket, collectorOf(ticket), 1));
                case TicketProcess.REVIEW_ESCALATION -> schedule(officeTime(now.plus(minutes(30, 2 * 24 * 60)), MANAGER),
                        "escalation " + ticket, () -> decideEscalation(task.getId()));
                case TicketProcess.RESOLVE_DISPUTE -> schedule(officeTime(now.plus(minutes(60, 5 * 24 * 60)), DISPUTE_HANDLER),
                        "dispute " + ticket, () -> resolveDispute(task.getId()));
                default -> { }
            }
        }
    }

    // --- collectors ----------------------------------------------------------------------------------------------

    /**
     * A collector opens the call task and phones: mostly through the service's call start (the form's action),
     * sometimes by completing the form straight away. Refused, they come back at the next callable moment they
     * are at work.
     */
    private void callTask(String taskId, String ticket, String collector, int attempt) {
        if (!taskOpen(taskId)) {
            counts.tasksGone++;
            return;
        }
        String customerId = customerOf(ticket);
        Answer unchecked = judgeCallNow(customerId);
        counts.callAttempts++;
        if (random.nextInt(8) == 0) {
            completeCall(taskId, ticket, collector, attempt, unchecked, true);
            return;
        }
        try {
            calls.start(ticket, null, null, collector);
        } catch (CallRefusedException refused) {
            counts.refusedAtStart++;
            refusedBy(refused.window().rule(), unchecked, ticket);
            retry(refused.window().nextCallableAt(), collector, "call " + ticket,
                    () -> callTask(taskId, ticket, collector, attempt + 1));
            return;
        } catch (TicketConflictException closed) {
            counts.tasksGone++;
            return;
        }
        allowed(unchecked, ticket);
        schedule(now.plus(minutes(2, 15)), "finish call " + ticket, () -> completeCall(taskId, ticket, collector, attempt, null, false));
    }

    /** The call form completed with an outcome; {@code checkedNow}: no call was started first, the completion is the call. */
    private void completeCall(String taskId, String ticket, String collector, int attempt, Answer unchecked, boolean checkedNow) {
        if (!taskOpen(taskId)) {
            counts.tasksGone++;
            return;
        }
        String outcome = callOutcome();
        Map<String, Object> form = new HashMap<>(Map.of(TicketProcess.CALL_OUTCOME, outcome, TicketProcess.NOTE, "simulated call"));
        if (outcome.equals("PROMISE")) {
            LocalDate date = LocalDate.ofInstant(now, OFFICE).plusDays(1 + random.nextInt(14));
            form.put(TicketProcess.PROMISE_AMOUNT, "50.00");
            form.put(TicketProcess.PROMISE_DATE, date.toString());
            if (random.nextBoolean()) {
                schedule(date.atTime(11, 0).atZone(OFFICE).toInstant(), "keep promise " + ticket, () -> payTicket(ticket));
            }
        } else if (outcome.equals("DISPUTE")) {
            form.put(TicketProcess.DISPUTE_REASON, "Amount is wrong");
        }
        try {
            asUser(collector, Groups.COLLECTORS, () -> tasks.complete(taskId, form));
        } catch (ProcessEngineException refused) {
            if (checkedNow && refused.getMessage().startsWith("outcome: The debtor may not be called now")) {
                counts.refusedAtCompletion++;
                refusedBy(ruleIn(refused.getMessage()), unchecked, ticket);
                retry(null, collector, "call " + ticket, () -> callTask(taskId, ticket, collector, attempt + 1));
                return;
            }
            throw refused;
        }
        if (checkedNow) {
            allowed(unchecked, ticket);
            counts.formOnlyCalls++;
        }
        made(outcome);
    }

    /** Answer debtor's reply: mostly a call-back (a call like any other), else nothing to do. */
    private void answerReply(String taskId, String ticket, String collector, int attempt) {
        if (!taskOpen(taskId)) {
            counts.tasksGone++;
            return;
        }
        if (random.nextInt(3) == 0 || attempt > 4) {
            asUser(collector, Groups.COLLECTORS, () -> tasks.complete(taskId, Map.of("replyAction", "NO_ACTION_NEEDED")));
            return;
        }
        Answer unchecked = judgeCallNow(customerOf(ticket));
        counts.callAttempts++;
        try {
            calls.start(ticket, null, null, collector);
        } catch (CallRefusedException refused) {
            counts.refusedAtStart++;
            refusedBy(refused.window().rule(), unchecked, ticket);
            retry(refused.window().nextCallableAt(), collector, "reply " + ticket, () -> answerReply(taskId, ticket, collector, attempt + 1));
            return;
        } catch (TicketConflictException closed) {
            asUser(collector, Groups.COLLECTORS, () -> tasks.complete(taskId, Map.of("replyAction", "NO_ACTION_NEEDED")));
            return;
        }
        allowed(unchecked, ticket);
        schedule(now.plus(minutes(2, 10)), "finish call-back " + ticket, () -> {
            String outcome = List.of("REACHED", "REACHED", "NO_ANSWER", "NO_ANSWER", "WRONG_NUMBER", "REFUSED").get(random.nextInt(6));
            if (taskOpen(taskId)) {
                asUser(collector, Groups.COLLECTORS, () -> tasks.complete(taskId, Map.of("replyAction", "CALLED_BACK",
                        TicketProcess.CALL_OUTCOME, outcome, TicketProcess.NOTE, "called back")));
                counts.callBacks++;
                made(outcome);
            }
        });
    }

    private void decideEscalation(String taskId) {
        if (!taskOpen(taskId)) {
            return;
        }
        String decision = random.nextInt(3) == 0 ? List.of("AGENCY", "LEGAL", "WRITE_OFF").get(random.nextInt(3)) : "RESTART";
        asUser(MANAGER, Groups.MANAGERS, () -> tasks.complete(taskId, Map.of(TicketProcess.ESCALATION_DECISION, decision,
                TicketProcess.RESTART_SEGMENT, "HARD", TicketProcess.NOTE, "simulated review")));
        counts.escalationsDecided++;
    }

    private void resolveDispute(String taskId) {
        if (!taskOpen(taskId)) {
            return;
        }
        String resolution = random.nextInt(5) < 3 ? "REJECTED" : "UPHELD";
        asUser(DISPUTE_HANDLER, Groups.DISPUTES, () -> tasks.complete(taskId, Map.of(TicketProcess.RESOLUTION, resolution,
                TicketProcess.NOTE, "simulated resolution")));
        counts.disputesResolved++;
    }

    private void made(String outcome) {
        counts.callsMade++;
        if (ContactRules.CONVERSATIONS.contains(outcome)) {
            counts.conversations++;
        }
        if (outcome.equals("PROMISE")) {
            counts.promises++;
        }
        if (outcome.equals("DISPUTE")) {
            counts.disputes++;
        }
    }

    private String callOutcome() {
        int pick = random.nextInt(100);
        return pick < 45 ? "NO_ANSWER" : pick < 65 ? "REACHED" : pick < 78 ? "PROMISE" : pick < 83 ? "WRONG_NUMBER"
                : pick < 93 ? "REFUSED" : "DISPUTE";
    }

    /** Back at the next callable moment (or in a while), when at work, after a few minutes of other work. */
    private void retry(Instant nextCallable, String collector, String what, Runnable again) {
        Instant earliest = nextCallable == null || nextCallable.isBefore(now.plus(Duration.ofMinutes(20)))
                ? now.plus(minutes(20, 180)) : nextCallable.plus(minutes(0, 90));
        schedule(officeTime(earliest, collector), what, again);
    }

    // --- the oracle at the moment of each pick-up ---------------------------------------------------------------

    /** What the oracle says of a call now, on the debtor's log so far: before issue 13 the call went through regardless. */
    private Answer judgeCallNow(String customerId) {
        return ContactLogAudit.judge(facts(customerId), ceasedAt.get(customerId), audit.logOf(customerId), CallStarts.CHANNEL.name(), now);
    }

    private void refusedBy(String rule, Answer oracle, String ticket) {
        counts.refusedByRule.merge(rule, 1, Integer::sum);
        counts.uncheckedViolations.merge(oracle.rule(), 1, Integer::sum);
        if (oracle.verdict() == ContactOracle.Verdict.ALLOWED) {
            counts.disagreements.add(now + " " + ticket + ": refused by '" + rule + "', the oracle allows it");
        }
    }

    private void allowed(Answer oracle, String ticket) {
        if (oracle.verdict() != ContactOracle.Verdict.ALLOWED) {
            counts.disagreements.add(now + " " + ticket + ": allowed, the oracle says " + oracle);
        }
    }

    private Facts facts(String customerId) {
        return facts.get(customerId);
    }

    private static String ruleIn(String refusal) {
        int start = refusal.indexOf("(rule '") + 7;
        return refusal.substring(start, refusal.indexOf("')", start));
    }

    // --- debtors ----------------------------------------------------------------------------------------------------

    /** Payments on random days, ceased communication for some, and an hourly look at which SMS went out (replies). */
    private void scheduleDebtorsLives(SimulatedPortfolio portfolio) {
        Map<Instant, List<Debtor>> ceasing = new TreeMap<>();
        for (Debtor debtor : portfolio.debtors()) {
            if (random.nextInt(5) == 0) {
                Instant day = LocalDate.ofInstant(START, OFFICE).plusDays(2 + random.nextInt(Math.max(1, DAYS - 4))).atTime(11, 0)
                        .atZone(OFFICE).toInstant().plus(minutes(0, 300));
                schedule(day, "payment " + debtor.customerId(), () -> payAll(debtor));
            }
            if (!debtor.ceased() && random.nextInt(50) == 0) {
                Instant day = LocalDate.ofInstant(START, OFFICE).plusDays(1 + random.nextInt(Math.max(1, DAYS - 2))).atTime(7, 30)
                        .atZone(OFFICE).toInstant();
                ceasing.computeIfAbsent(day, d -> new ArrayList<>()).add(debtor);
            }
        }
        ceasing.forEach((day, debtors) -> schedule(day, "ceasing", () -> cease(debtors)));
        for (Instant hour = START.plus(Duration.ofHours(1)); hour.isBefore(START.plus(Duration.ofDays(DAYS))); hour = hour.plus(Duration.ofHours(1))) {
            schedule(hour, "replies", this::repliesToNewSms);
        }
    }

    /** Some debtors answer an SMS they got, minutes to a day later, at any hour; one in eight answers STOP. */
    private void repliesToNewSms() {
        List<Map<String, Object>> sent = jdbc.queryForList("""
                select a.id, c.phone from contact_attempt a join ticket t on t.id = a.ticket_fk join customer c on c.id = t.customer_fk
                where a.id > ? and a.channel = 'SMS' and a.direction = 'OUTBOUND' and c.phone is not null order by a.id""", lastSmsSeen);
        for (Map<String, Object> sms : sent) {
            lastSmsSeen = Math.max(lastSmsSeen, ((Number) sms.get("id")).longValue());
            if (random.nextInt(100) < 12) {
                String phone = (String) sms.get("phone");
                String text = random.nextInt(8) == 0 ? "STOP" : List.of("I will pay next week", "Please call me",
                        "Who is this?", "Already paid").get(random.nextInt(4));
                schedule(now.plus(minutes(5, 20 * 60)), "reply", () -> reply(phone, text));
            }
        }
    }

    /** Through Twilio's signed inbound webhook, as Twilio would post it. */
    private void reply(String phone, String text) {
        Map<String, String> params = new TreeMap<>(Map.of("MessageSid", "SMsim" + (++sequence), "From", phone, "Body", text,
                "AccountSid", "ACsimulation"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("X-Twilio-Signature", signature("/webhooks/twilio/inbound", params));
        LinkedMultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        params.forEach(body::add);
        var answer = http.postForEntity("/webhooks/twilio/inbound", new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        if (text.equals("STOP")) {
            counts.stops++;
        } else {
            counts.replies++;
        }
    }

    private static String signature(String path, Map<String, String> params) {
        StringBuilder data = new StringBuilder(PUBLIC_BASE_URL + path);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void payAll(Debtor debtor) {
        List<Map<String, Object>> open = jdbc.queryForList("""
                select i.currency, sum(i.open_amount) as open from invoice i join customer c on c.id = i.customer_fk
                where c.customer_id = ? and i.open_amount > 0 group by i.currency""", debtor.customerId());
        open.forEach(row -> pay(debtor.customerId(), (String) row.get("currency"), (BigDecimal) row.get("open")));
    }

    private void payTicket(String ticket) {
        Map<String, Object> row = jdbc.queryForMap("""
                select c.customer_id, t.currency, (select coalesce(sum(i.open_amount), 0) from invoice i
                    where i.customer_fk = c.id and i.currency = t.currency) as open
                from ticket t join customer c on c.id = t.customer_fk where t.ticket_number = ?""", ticket);
        pay((String) row.get("customer_id"), (String) row.get("currency"), (BigDecimal) row.get("open"));
    }

    /** A payment as the ERP sends it: the payments CSV import. */
    private void pay(String customerId, String currency, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            return;
        }
        String csv = "payment_id,customer_id,invoice_number,amount,currency,paid_on\nPAY-" + (++sequence) + "," + customerId
                + ",," + amount.setScale(2) + "," + currency + "," + LocalDate.ofInstant(now, OFFICE) + "\n";
        ImportResult result = csvImport.importCsv(RecordKind.PAYMENTS, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.rejected()).as(csv).isEmpty();
        counts.payments++;
    }

    /** The ERP re-sends the customers with ceased communication set: from now on nobody may contact them. */
    private void cease(List<Debtor> debtors) {
        ImportResult result = csvImport.importCsv(RecordKind.CUSTOMERS, SimulatedPortfolio.ceasedCsv(debtors));
        assertThat(result.rejected()).isEmpty();
        debtors.forEach(debtor -> ceasedAt.put(debtor.customerId(), now));
        counts.ceased += debtors.size();
    }

    // --- set-up ------------------------------------------------------------------------------------------------------

    private void importLedger(SimulatedPortfolio portfolio) {
        for (var file : List.of(Map.entry(RecordKind.CUSTOMERS, portfolio.customersCsv()),
                Map.entry(RecordKind.CONTRACTS, portfolio.contractsCsv()), Map.entry(RecordKind.INVOICES, portfolio.invoicesCsv()))) {
            ImportResult result = csvImport.importCsv(file.getKey(), file.getValue());
            assertThat(result.rejected()).as(file.getKey() + " rows rejected").isEmpty();
        }
        portfolio.debtors().stream().filter(Debtor::ceased).forEach(debtor -> ceasedAt.put(debtor.customerId(), START));
    }

    private void people() {
        for (int n = 1; n <= COLLECTORS; n++) {
            TestUsers.ensure(identity, collector(n), Groups.COLLECTORS);
        }
        TestUsers.ensure(identity, MANAGER, Groups.MANAGERS);
        TestUsers.ensure(identity, DISPUTE_HANDLER, Groups.DISPUTES);
    }

    /** Where a debtor really lives must be among the zones the rules apply: the strict reading of a derived zone. */
    private void assertDerivedZonesCoverWhereDebtorsLive(SimulatedPortfolio portfolio) {
        for (Debtor debtor : portfolio.debtors()) {
            assertThat(facts(debtor.customerId()).zones()).as(debtor.toString()).contains(debtor.home());
        }
    }

    /** The timer-started daily scan, first due at the simulation's first 06:00 (the engine computed it from the real clock). */
    private void firstScanAtSixToday() {
        Job timer = management.createJobQuery().processDefinitionKey(ScanProcess.KEY).timers().singleResult();
        ZoneId server = TimeZone.getDefault().toZoneId();
        ZonedDateTime six = LocalDate.ofInstant(START, server).atTime(6, 0).atZone(server);
        management.setJobDuedate(timer.getId(), Date.from((six.toInstant().isBefore(START) ? six.plusDays(1) : six).toInstant()));
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private void schedule(Instant at, String what, Runnable run) {
        agenda.add(new Action(at.isBefore(now) ? now : at, ++sequence, what, run));
    }

    /** The moment itself if the person is at work then, else the start of their next working day plus a little. */
    private Instant officeTime(Instant at, String person) {
        ZonedDateTime local = at.atZone(OFFICE);
        boolean workday = local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY;
        if (workday && !local.toLocalTime().isBefore(OFFICE_OPENS) && local.toLocalTime().isBefore(OFFICE_CLOSES)) {
            return at;
        }
        LocalDate day = local.toLocalTime().isBefore(OFFICE_OPENS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(OFFICE_OPENS).atZone(OFFICE).toInstant().plus(minutes(0, 90));
    }

    /** Minutes to days: a third within three hours, most within a day, some up to three days. */
    private Duration pickUpDelay() {
        int pick = random.nextInt(10);
        return pick < 4 ? minutes(5, 180) : pick < 8 ? minutes(180, 24 * 60) : minutes(24 * 60, 3 * 24 * 60);
    }

    private Duration minutes(int from, int to) {
        return Duration.ofSeconds(60L * from + random.nextInt(Math.max(1, 60 * (to - from))));
    }

    private void asUser(String user, String group, Runnable work) {
        identity.setAuthentication(user, List.of(group));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private boolean taskOpen(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).active().count() == 1;
    }

    private final Map<String, String> ticketCustomers = new HashMap<>();

    private String customerOf(String ticket) {
        return ticketCustomers.computeIfAbsent(ticket, number -> jdbc.queryForObject(
                "select c.customer_id from ticket t join customer c on c.id = t.customer_fk where t.ticket_number = ?",
                String.class, number));
    }

    private final Map<String, String> businessKeys = new HashMap<>();

    private String businessKey(Task task) {
        return businessKeys.computeIfAbsent(task.getProcessInstanceId(), instance -> engine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey());
    }

    /** Each ticket has its collector; a debtor's two tickets usually have two. */
    private static String collectorOf(String ticket) {
        return collector(1 + Math.floorMod(ticket.hashCode(), COLLECTORS));
    }

    private static String collector(int n) {
        return String.format("sim-collector-%02d", n);
    }

    private void setClock(Instant at) {
        now = at;
        ClockUtil.setCurrentTime(Date.from(at));
    }

    /** Processor time of the simulation's thread: what the run costs on idle cores, whatever else the machine runs. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    // --- the printout --------------------------------------------------------------------------------------------

    private void print(Map<String, List<Contact>> log, Map<Rule, Integer> perRule, List<Violation> violations,
                       Duration simulation, Duration auditing) {
        List<Contact> all = log.values().stream().flatMap(List::stream).toList();
        Map<String, Long> outbound = new TreeMap<>();
        all.stream().filter(c -> !c.inbound()).forEach(c -> outbound.merge(c.channel(), 1L, Long::sum));
        long inbound = all.stream().filter(Contact::inbound).count();
        long tickets = jdbc.queryForObject("select count(*) from ticket", Long.class);
        long twoTickets = jdbc.queryForObject("select count(*) from (select customer_fk from ticket group by customer_fk having count(*) > 1) x", Long.class);
        long derived = facts.values().stream().filter(Facts::derived).count();
        long uncertain = facts.values().stream().filter(f -> f.zones().size() > 1).count();
        long zones = facts.values().stream().flatMap(f -> f.zones().stream()).distinct().count();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n=== ContactSimulationTest: %,d debtors, %d days from %s, seed %d ===%n", DEBTORS, DAYS, START, SEED));
        out.append(String.format("debtors:   %,d in %,d zones; %,d with derived zones, %,d of them uncertain (hours in all candidates);"
                + " %,d ceased at import, %,d ceased later%n", facts.size(), zones, derived, uncertain,
                debtorsById.values().stream().filter(Debtor::ceased).count(), counts.ceased));
        out.append(String.format("tickets:   %,d (%,d debtors with two or more); %,d scans, %,d jobs run%n", tickets, twoTickets,
                counts.scans, counts.jobs));
        out.append(String.format("sends:     %s%n", outbound));
        out.append(String.format("calls:     %,d attempts by collectors, %,d refused at start and %,d at completion %s;"
                + " %,d made (%,d by the form alone, %,d call-backs), %,d conversations, %,d promises, %,d disputes%n",
                counts.callAttempts, counts.refusedAtStart, counts.refusedAtCompletion, counts.refusedByRule, counts.callsMade,
                counts.formOnlyCalls, counts.callBacks, counts.conversations, counts.promises, counts.disputes));
        out.append(String.format("debtors:   %,d SMS replies, %,d STOP, %,d payments; inbound contacts logged %,d%n",
                counts.replies, counts.stops, counts.payments, inbound));
        out.append(String.format("people:    %,d escalations decided, %,d disputes resolved, %,d tasks gone before pick-up%n",
                counts.escalationsDecided, counts.disputesResolved, counts.tasksGone));
        out.append(String.format("before:    unchecked calls (made when the task was opened) the oracle forbids, per rule: %s%n",
                counts.uncheckedViolations));
        out.append(String.format("after:     contacts in the log the oracle forbids, per rule: %s%n", perRule));
        out.append(String.format("time:      %.1f s simulated, %.1f s audited%n", simulation.toMillis() / 1000.0, auditing.toMillis() / 1000.0));
        long jobsCpu = counts.time.entrySet().stream().filter(part -> part.getKey().startsWith("job ") && !part.getKey().equals("job query"))
                .mapToLong(Map.Entry::getValue).sum();
        long totalCpu = counts.time.get("total (processor time of the simulation thread)");
        out.append(String.format("per job:   %.1f ms processor time of the simulation thread (%.1f ms in the jobs themselves)%n",
                totalCpu / 1e6 / Math.max(1, counts.jobs), jobsCpu / 1e6 / Math.max(1, counts.jobs)));
        counts.time.forEach((part, nanos) -> out.append(String.format("  %-40s %8.1f s%n", part, nanos / 1e9)));
        violations.stream().limit(20).forEach(v -> out.append("  violation ").append(v).append('\n'));
        counts.disagreements.stream().limit(20).forEach(d -> out.append("  disagreement ").append(d).append('\n'));
        counts.jobFailures.stream().limit(20).forEach(f -> out.append("  job failure ").append(f).append('\n'));
        System.out.println(out);
    }
}
