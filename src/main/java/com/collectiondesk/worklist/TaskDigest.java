package com.collectiondesk.worklist;

import com.collectiondesk.system.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: every user with open tasks gets what is overdue and what is due today; every team lead
 * gets the team's overdue count. Each recipient is mailed at most once a day, also when the job is retried.
 */
@Service
class TaskDigest {

    /** What one digest run did. */
    record Outcome(int collectorsMailed, int teamLeadsMailed, int skipped) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TaskDigest.class);

    private final TaskService tasks;
    private final IdentityService identity;
    private final CollectorProfileRepository profiles;
    private final JavaMailSender mail;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final DigestSettings settings;
    private final BusinessClock clock;

    TaskDigest(TaskService tasks, IdentityService identity, CollectorProfileRepository profiles, JavaMailSender mail,
               JdbcTemplate jdbc, PlatformTransactionManager transactions, DigestSettings settings, BusinessClock clock) {
        this.tasks = tasks;
        this.identity = identity;
        this.profiles = profiles;
        this.mail = mail;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.clock = clock;
    }

    Outcome send() {
        Instant now = clock.now();
        ZoneId zone = clock.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant endOfToday = TaskDates.endOfDay(today, zone);
        Map<String, List<OpenTask>> byAssignee = openAssignedTasks().stream()
                .collect(Collectors.groupingBy(OpenTask::assignee, TreeMap::new, Collectors.toList()));
        int collectors = 0;
        int skipped = 0;
        for (Map.Entry<String, List<OpenTask>> entry : byAssignee.entrySet()) {
            List<OpenTask> open = entry.getValue();
            List<OpenTask> overdue = open.stream().filter(t -> t.isOverdue(now)).toList();
            List<OpenTask> dueToday = open.stream().filter(t -> t.isDueBetween(now, endOfToday)).toList();
            if (mailOnce(entry.getKey(), today, DigestMails.collector(overdue, dueToday, open.size(), zone))) {
                collectors++;
            } else {
                skipped++;
            }
        }
        int leads = 0;
        for (Map.Entry<String, Map<String, Long>> team : overdueByTeam(byAssignee, now).entrySet()) {
            if (mailOnce(team.getKey(), today, DigestMails.teamLead(team.getValue()))) {
                leads++;
            } else {
                skipped++;
            }
        }
        // counts only: recipients' names and addresses stay out of the log
        LOG.info("Task digest {}: {} collectors and {} team leads mailed, {} skipped", today, collectors, leads, skipped);
        return new Outcome(collectors, leads, skipped);
    }

    private List<OpenTask> openAssignedTasks() {
        return tasks.createTaskQuery().taskAssigned().active().orderByDueDate().asc().list().stream()
                .map(task -> OpenTask.of(tasks, task))
                .sorted(Comparator.comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** Team lead → (collector → overdue tasks), for collectors whose profile names a team lead. */
    private Map<String, Map<String, Long>> overdueByTeam(Map<String, List<OpenTask>> byAssignee, Instant now) {
        Map<String, Map<String, Long>> teams = new TreeMap<>();
        for (CollectorProfile profile : profiles.findAll()) {
            if (profile.getTeamLead() != null) {
                long overdue = byAssignee.getOrDefault(profile.getUserId(), List.of()).stream()
                        .filter(t -> t.isOverdue(now)).count();
                teams.computeIfAbsent(profile.getTeamLead(), lead -> new TreeMap<>()).put(profile.getUserId(), overdue);
            }
        }
        return teams;
    }

    /** Marks the recipient as mailed today and sends, in one transaction; false when already mailed or no address. */
    private boolean mailOnce(String userId, LocalDate day, DigestMails.Mail content) {
        Optional<String> address = Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .map(User::getEmail).filter(email -> !email.isBlank());
        if (address.isEmpty()) {
            return false;
        }
        Boolean sent = ownTransaction.execute(status -> {
            int marked = jdbc.update("""
                    insert into task_digest_sent (recipient, digest_day, sent_at)
                    select ?, ?, ? where not exists
                      (select 1 from task_digest_sent where recipient = ? and digest_day = ?)""",
                    userId, day, java.sql.Timestamp.from(clock.now()), userId, day);
            if (marked == 0) {
                return false;
            }
            if (settings.transport() == DigestSettings.Transport.SANDBOX) {
                LOG.info("Sandbox task digest (not mailed): {}", content.subject());
                return true;
            }
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(settings.from());
            message.setTo(address.get());
            message.setSubject(content.subject());
            message.setText(content.body());
            mail.send(message);
            return true;
        });
        return Boolean.TRUE.equals(sent);
    }
}
