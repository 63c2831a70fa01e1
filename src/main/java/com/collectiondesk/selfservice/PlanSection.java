package com.collectiondesk.selfservice;

import com.collectiondesk.system.BusinessClock;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The page's payment-plan part: while the ticket has no plan and no pending promise, the form asking for one (with the
 * limits approved at once); with a plan asked for or running, its instalments and where each stands.
 * First of the page's sections: a plan is the next thing after paying and promising.
 */
@Order(5)
@Component
class PlanSection implements PageSection {

    static final String ACTION = "/plan";
    static final String INSTALMENTS = "planInstalments";
    static final String FIRST_DATE = "planFirstDate";

    private final PaymentPlans plans;
    private final PlanPolicy policy;
    private final PaymentPlanSettings settings;
    private final BusinessClock clock;

    PlanSection(PaymentPlans plans, PlanPolicy policy, PaymentPlanSettings settings, BusinessClock clock) {
        this.plans = plans;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String html(Context page) {
        DebtorAccount account = page.account();
        Words words = page.words();
        var open = plans.open(account.ticketId());
        if (open.isPresent()) {
            return running(open.get(), account, words);
        }
        if (account.promised()) {
            return "";
        }
        PlanPolicy.Limits limits = policy.limits(account.segment(), clock.today());
        String minimum = limits.minimumCurrency().equals(account.currency()) ? account.money(limits.minimum())
                : limits.minimum() + " " + limits.minimumCurrency();
        var shown = page.shown();
        String broken = plans.lastMissed(account.ticketId()).map(missed -> PageHtml.notice("error", words.get("planBroken",
                account.money(missed.amount()), account.date(missed.dueDate())))).orElse("");
        return broken + PageHtml.form(page.base() + ACTION + page.query(), page.csrf(), words.get("plan"),
                PageHtml.paragraph("hint", words.get("planHint", limits.maxInstalments(), minimum, account.date(limits.latestFirst())))
                        + PageHtml.field(INSTALMENTS, words.get("planInstalments"), "number", shown.typed().getOrDefault(INSTALMENTS, ""),
                        shown.errors().get(INSTALMENTS), null, "inputmode=\"numeric\" min=\"2\" max=\"" + settings.mostInstalmentsAsked()
                                + "\" step=\"1\" autocomplete=\"off\"")
                        + PageHtml.field(FIRST_DATE, words.get("planFirstDate"), "date", shown.typed().getOrDefault(FIRST_DATE, ""),
                        shown.errors().get(FIRST_DATE), SelfServicePage.dateHint(words, account, clock.today().plusDays(7)), "min=\"" + clock.today() + "\""),
                words.get("planButton"));
    }

    private String running(PaymentPlans.Plan plan, DebtorAccount account, Words words) {
        StringBuilder html = new StringBuilder("<section><h2>").append(PageHtml.esc(words.get("yourPlan"))).append("</h2>")
                .append(PageHtml.paragraph("hint", plan.status() == PaymentPlans.Status.ACTIVE
                        ? words.get("planRunning", settings.graceDays()) : words.get("planWaiting")))
                .append("<table><thead><tr><th scope=\"col\">").append(PageHtml.esc(words.get("dueDate")))
                .append("</th><th scope=\"col\" class=\"amount\">").append(PageHtml.esc(words.get("promiseAmount")))
                .append("</th><th scope=\"col\">").append(PageHtml.esc(words.get("planStatus"))).append("</th></tr></thead><tbody>");
        for (PaymentPlans.Instalment instalment : plans.instalments(plan.id())) {
            String status = switch (instalment.status()) {
                case "PAID" -> words.get("planPaid");
                case "MISSED" -> words.get("planMissed");
                default -> words.get("planOpen");
            };
            html.append("<tr><td data-label=\"").append(PageHtml.esc(words.get("dueDate"))).append("\">")
                    .append(PageHtml.esc(account.date(instalment.dueDate()))).append("</td><td class=\"amount\" data-label=\"")
                    .append(PageHtml.esc(words.get("promiseAmount"))).append("\">").append(PageHtml.esc(account.money(instalment.amount())))
                    .append("</td><td data-label=\"").append(PageHtml.esc(words.get("planStatus"))).append("\">")
                    .append(PageHtml.esc(status)).append("</td></tr>");
        }
        return html.append("</tbody></table></section>").toString();
    }
}
