package com.collectiondesk.security;

import com.collectiondesk.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bodies for the HTTP edge tests (CSV, multipart, JSON) with ids of their own, and the counts that tell whether a
 * request stored anything: customers, payments, scans, deployments, filters, users, open tasks.
 */
class EdgeFixture {

    static final String BOSS = "edge-boss";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String BOUNDARY = "----edge-boundary";

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final RepositoryService repository;
    private final FilterService filters;
    private final TaskService tasks;

    EdgeFixture(JdbcTemplate jdbc, IdentityService identity, RepositoryService repository, FilterService filters, TaskService tasks) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.repository = repository;
        this.filters = filters;
        this.tasks = tasks;
        TestUsers.ensure(identity, BOSS, Groups.MANAGERS, Groups.ERP_INTEGRATION, Groups.CAMUNDA_ADMIN);
    }

    static String id(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    static byte[] customersCsv(String customerId) {
        return ("customer_id,name,language,country,address\n" + customerId + ",Eve Edge,en,BG,Street 1\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String customerJson() {
        return "{\"name\":\"Eve Edge\",\"language\":\"en\",\"country\":\"BG\",\"address\":\"Street 1\"}";
    }

    static String paymentJson(String paymentId, String customerId) {
        return "{\"paymentId\":\"" + paymentId + "\",\"customerId\":\"" + customerId
                + "\",\"amount\":10.00,\"currency\":\"BGN\",\"paidOn\":\"2026-11-01\"}";
    }

    static String filterJson(String name) {
        return "{\"resourceType\":\"Task\",\"name\":\"" + name + "\",\"owner\":\"" + BOSS + "\",\"query\":{}}";
    }

    static String userJson(String userId) {
        return "{\"profile\":{\"id\":\"" + userId + "\",\"firstName\":\"I\",\"lastName\":\"N\"},"
                + "\"credentials\":{\"password\":\"x-Secret-123\"}}";
    }

    static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    /** A multipart body with the named text fields, then one file part. */
    static byte[] multipart(String fileField, String fileName, byte[] content, String... fields) {
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        System.arraycopy(end, 0, all, start.length + content.length, end.length);
        return all;
    }

    static byte[] deployment(String name, byte[] bpmn) {
        return multipart("model.bpmn", "model.bpmn", bpmn, "deployment-name", name);
    }

    static byte[] userTaskBpmn() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"edge\">"
                + "<process id=\"edge-probe\" isExecutable=\"true\" camunda:historyTimeToLive=\"P30D\"><startEvent id=\"s\"/>"
                + "</process></definitions>").getBytes(StandardCharsets.UTF_8);
    }

    long customers(String customerId) {
        return count("select count(*) from customer where customer_id = ?", customerId);
    }

    long payments(String paymentId) {
        return count("select count(*) from payment where payment_id = ?", paymentId);
    }

    long scans() {
        return count("select count(*) from scan_run");
    }

    long deployments(String name) {
        return repository.createDeploymentQuery().deploymentName(name).count();
    }

    long filters(String name) {
        return filters.createFilterQuery().filterName(name).count();
    }

    long users(String userId) {
        return identity.createUserQuery().userId(userId).count();
    }

    /** A standalone task, open until someone completes it. */
    String openTask() {
        Task task = tasks.newTask();
        task.setName("edge probe");
        tasks.saveTask(task);
        return task.getId();
    }

    long openTasks(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count();
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
