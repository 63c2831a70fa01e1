package com.collectiondesk.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.collectiondesk.ledger.Customer;
import com.collectiondesk.outreach.Channel;
import com.collectiondesk.outreach.DebtorPageLinks;
import com.collectiondesk.support.TicketProcessTestBase;
import com.collectiondesk.ticket.Ticket;
import com.collectiondesk.ticket.TicketEvent;
import com.collectiondesk.ticket.TicketProcess;
import com.collectiondesk.ticket.TicketStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A debtor with an open ticket and a browser without script, reaching the page from the link in a sandbox SMS. */
abstract class SelfServiceTestBase extends TicketProcessTestBase {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/s/[A-Za-z0-9_-]{22}");
    static final String POSTAL_CODE = "1000";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired DebtorPageLinks pageLinks;
    @Autowired SelfServiceLinks links;

    DebtorBrowser browser;
    Customer debtor;
    ProcessInstance instance;

    @BeforeEach
    void debtorWithATicket() {
        browser = new DebtorBrowser(port);
        debtor = ledger.change(standardDebtor(), d -> d.name("Ivana Petrova").address("1 Vitosha Blvd, 1000 Sofia"));
        instance = openAndPlan(debtor);
    }

    /** The path of the page link in the day-0 SMS the sandbox transport recorded. */
    String linkFromTheSms() {
        runNextStep(instance);
        String text = contacts.findByTicketIdOrderByAtAscIdAsc(ticketOf(instance).getId()).get(0).getRenderedText();
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a page link in: %s", text).isTrue();
        assertThat(text).doesNotContain("pay.example.com");
        return DebtorBrowser.pathOf(link.group());
    }

    String verifiedPage() {
        String page = linkFromTheSms();
        HttpResponse<String> verified = browser.submit(page, page + "/verify", Map.of("answer", POSTAL_CODE));
        assertThat(verified.statusCode()).isEqualTo(303);
        return page;
    }

}
