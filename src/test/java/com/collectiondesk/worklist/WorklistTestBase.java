package com.collectiondesk.worklist;

import com.collectiondesk.ledger.Contract;
import com.collectiondesk.ledger.Customer;
import com.collectiondesk.ledger.CustomerRepository;
import com.collectiondesk.security.Groups;
import com.collectiondesk.support.IntegrationTest;
import com.collectiondesk.support.LedgerFixture;
import com.collectiondesk.support.TestUsers;
import com.collectiondesk.support.TicketDriver;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service with a real SMTP server (GreenMail) on loopback; all worklist tests share this context.
 * Each test starts with no collector profiles and its own users, customers and tickets.
 */
@IntegrationTest
public abstract class WorklistTestBase {

    /** 06:00 UTC = 08:00 in Sofia on a Monday. */
    protected static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T06:00:00Z");
    protected static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    public static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    protected static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("collection.digest.transport", () -> "smtp");
    }

    @LocalServerPort protected int port;
    @Autowired protected ApplicationContext context;
    @Autowired public ProcessEngine engine;
    @Autowired protected IdentityService identity;
    @Autowired protected CollectorProfileRepository profiles;
    @Autowired public CustomerRepository customers;

    protected LedgerFixture ledger;
    public TicketDriver tickets;
    /** Makes user ids unique per test, since tests share one engine. */
    protected String run;

    @BeforeEach
    protected void freshWorklist() {
        ledger = LedgerFixture.of(context);
        tickets = TicketDriver.of(context);
        profiles.deleteAll();
        run = UUID.randomUUID().toString().substring(0, 6);
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING));
    }

    @AfterEach
    protected void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    /** A collector (user and profile) with an email address, returns the user id. */
    protected String collector(String name, List<String> languages, List<String> productTypes, String teamLead) {
        String userId = user(name, Groups.COLLECTORS);
        CollectorProfile profile = new CollectorProfile(userId);
        profile.update(languages, productTypes, true, teamLead, MONDAY_MORNING);
        profiles.save(profile);
        return userId;
    }

    protected String user(String name, String... groups) {
        String userId = name + "-" + run;
        TestUsers.ensure(identity, userId, groups);
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setEmail(userId + "@desk.example");
        identity.saveUser(user);
        return userId;
    }

    protected void makeUnavailable(String userId) {
        CollectorProfile profile = profiles.findById(userId).orElseThrow();
        profile.update(profile.getLanguages(), profile.getProductTypes(), false, profile.getTeamLead(), MONDAY_MORNING);
        profiles.save(profile);
    }

    /** A debtor who speaks a language, with a consumer loan 20 and 5 days overdue (300.00 EUR): a STANDARD ticket. */
    protected Customer debtor(String language) {
        Customer customer = ledger.change(ledger.customer(500), debtor -> debtor.language(language));
        Contract loan = ledger.contract(customer, "CONSUMER_LOAN");
        ledger.invoice(customer, loan, "200.00", TODAY.minusDays(20));
        ledger.invoice(customer, loan, "100.00", TODAY.minusDays(5));
        return customer;
    }

    protected String openTicket(Customer debtor) {
        return tickets.open(debtor.getId(), TODAY);
    }
}
