package com.collectiondesk.ticket;

/** Names shared by bpmn/delinquency-ticket.bpmn, its delegates and its tests. */
public final class TicketProcess {

    public static final String KEY = "delinquency-ticket";

    // messages, correlated by the ticket number (the business key)
    public static final String MSG_SETTLED = "TicketSettled";
    public static final String MSG_PROMISE_MADE = "PromiseMade";
    public static final String MSG_DISPUTE_RAISED = "DisputeRaised";
    /** From bpmn/payment-plan.bpmn: a plan was approved (the strategy stops) and, later, it ended kept or broken. */
    public static final String MSG_PLAN_AGREED = "PaymentPlanAgreed";
    public static final String MSG_PLAN_ENDED = "PaymentPlanEnded";
    /** A hold pauses the strategy (module hold); HoldChanged (lifted, or another hold) makes the paused ticket look again. */
    public static final String MSG_HOLD_PLACED = "HoldPlaced";
    public static final String MSG_HOLD_CHANGED = "HoldChanged";

    // variables (the ticket itself is the business key, see ProcessTickets)
    public static final String MAX_DPD = "maxDpd";
    public static final String OVERDUE_AMOUNT = "overdueAmount";
    public static final String PRODUCT_TYPE = "productType";
    public static final String BROKEN_PROMISES = "brokenPromises";
    public static final String RISK_SCORE = "riskScore";
    public static final String SEGMENT_DECISION = "segmentDecision";
    public static final String SEGMENT = "segment";
    public static final String STRATEGY_STEPS = "strategySteps";
    public static final String STEP_INDEX = "stepIndex";
    public static final String STEP_CHANNEL = "stepChannel";
    /** The route of the step's channel (outreach's Channel.route()): the gateway "Channel?" routes on it. */
    public static final String STEP_ROUTE = "stepRoute";
    public static final String STEP_DUE_AT = "stepDueAt";
    public static final String CONTACT_VERDICT = "contactVerdict";
    public static final String CONTACT_RETRY_AT = "contactRetryAt";
    public static final String STRATEGY_OUTCOME = "strategyOutcome";
    public static final String PROMISE_CHECK_AT = "promiseCheckAt";
    public static final String PROMISE_KEPT = "promiseKept";
    public static final String OVERDUE_LEFT = "overdueLeft";
    public static final String CLOSE_REASON = "closeReason";
    /** Set when the strategy's BLOCK_SERVICE step told the ERP; the closing paths then tell it to unblock. */
    public static final String SERVICE_BLOCKED = "serviceBlocked";
    public static final String ON_HOLD = "onHold";
    public static final String HOLD_ENDS_AT = "holdEndsAt";
    public static final String DEBTOR_NAME = "debtorName";
    /** On every ticket task: name, phone and e-mail as Tasklist's "Debtor (name or phone)" search compares them. */
    public static final String DEBTOR_SEARCH = "debtorSearch";
    public static final String DEBTOR_PHONE = "debtorPhone";
    public static final String DEBTOR_LANGUAGE = "debtorLanguage";
    public static final String LAST_CONTACTS = "lastContacts";
    public static final String DEBTOR_EMAIL = "debtorEmail";
    public static final String OVERDUE_INVOICES = "overdueInvoices";
    public static final String OPEN_PROMISE = "openPromise";
    public static final String TIMELINE_SUMMARY = "timelineSummary";
    /** On open call tasks: whether the debtor may be called now, and the text "Callable now / Next callable at …". */
    public static final String CALLABLE_NOW = "callableNow";
    public static final String CALL_WINDOW = "callWindow";
    // form fields
    public static final String CALL_OUTCOME = "outcome";
    public static final String PROMISE_AMOUNT = "promiseAmount";
    public static final String PROMISE_DATE = "promiseDate";
    public static final String DISPUTE_REASON = "disputeReason";
    public static final String DISPUTE_AMOUNT = "disputeAmount";
    public static final String NOTE = "note";
    public static final String RESOLUTION = "resolution";
    public static final String ESCALATION_DECISION = "escalationDecision";
    public static final String RESTART_SEGMENT = "restartSegment";

    // strategy outcomes: why "Run strategy" ended
    public static final String OUTCOME_EXHAUSTED = "EXHAUSTED";
    public static final String OUTCOME_ESCALATE = "ESCALATE";
    public static final String OUTCOME_PROMISE = "PROMISE";
    public static final String OUTCOME_DISPUTE = "DISPUTE";

    // activities
    public static final String SYNC_WITH_ERP = "sync-with-erp";
    public static final String DECIDE_SEGMENT = "decide-segment";
    public static final String DECIDE_STRATEGY = "decide-strategy";
    public static final String RUN_STRATEGY = "run-strategy";
    public static final String WAIT_FOR_STEP = "wait-for-step";
    public static final String SEND_OUTREACH = "send-outreach";
    public static final String BLOCK_SERVICE = "block-service";
    public static final String UNBLOCK_SERVICE = "unblock-service";
    public static final String UNBLOCK_SERVICE_SETTLED = "unblock-service-settled";
    public static final String CALL_DEBTOR = "call-debtor";
    /** In bpmn/debtor-reply.bpmn. */
    public static final String ANSWER_REPLY = "answer-reply";
    public static final String WAIT_UNTIL_ALLOWED = "wait-until-allowed";
    public static final String WAIT_FOR_PROMISE = "wait-for-promise";
    public static final String RESOLVE_DISPUTE = "resolve-dispute";
    /** The event-based gateway a hold with an end date waits at: its end date or a change. */
    public static final String HOLD_WAIT = "hold-wait";
    public static final String WAIT_FOR_HOLD_CHANGE = "wait-for-hold-change";
    public static final String REVIEW_ESCALATION = "review-escalation";
    public static final String END_PAID = "closed-as-paid";
    public static final String END_PAID_BEFORE_WORK = "paid-before-work";
    public static final String END_SETTLED = "settled-as-paid";
    public static final String END_CANCELLED = "closed-as-cancelled";
    public static final String END_ESCALATED = "closed-by-escalation";

    private TicketProcess() {
    }
}
