// The debtor at a glance, drawn from GET /api/customers/{id}/overview with the webapp login (GET only): contact
// points and consents, balances, invoices with DPD, payments and allocations, and every ticket with its strategy,
// next step, contacts, promises, disputes and segment decision. Used by the Tasklist tab and the Cockpit view.
// Times are shown in the viewer's zone with the debtor's local time beside them; dates in the viewer's locale.
// Text from the server is only ever set as text (never as HTML).

const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const contextPath = appRoot.replace(/\/camunda\/?$/, '');
const locale = navigator.language || 'en';

function getJson(url) {
  // X-Requested-With: a refused call answers its problem, not HTTP Basic's challenge (a login dialog the page waits on)
  const headers = {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'};
  return fetch(url, {credentials: 'same-origin', headers}).then(response => {
    if (!response.ok) {
      return response.json().catch(() => ({})).then(problem => {
        throw new Error(problem.detail || url + ' answered ' + response.status);
      });
    }
    return response.json();
  });
}

/** The ticket's debtor, then their overview; null when the ticket number is missing. */
export function loadByTicket(ticketNumber) {
  return getJson(contextPath + '/api/tickets/' + encodeURIComponent(ticketNumber))
    .then(detail => getJson(contextPath + '/api/customers/' + encodeURIComponent(detail.ticket.customerId) + '/overview'));
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter(child => child !== null && child !== undefined).forEach(child => node.append(child));
  return node;
}

/** A LocalDate (2026-03-02) in the viewer's locale, e.g. 02/03/2026 or 3/2/2026. */
export function formatDate(isoDate) {
  if (!isoDate) {
    return '–';
  }
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeZone: 'UTC'})
    .format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant in the viewer's zone, with the debtor's local time beside it when their zone differs. */
export function formatTime(instant, debtorZone) {
  if (!instant) {
    return '–';
  }
  const at = new Date(instant);
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const mine = new Intl.DateTimeFormat(locale, {dateStyle: 'medium', timeStyle: 'short'}).format(at);
  const clock = zone => new Intl.DateTimeFormat('en', {day: 'numeric', hour: 'numeric', minute: 'numeric', timeZone: zone}).format(at);
  // the debtor's time only where their clock shows another time (UTC and Etc/UTC are one clock)
  if (!debtorZone || clock(debtorZone) === clock(viewerZone)) {
    return mine;
  }
  // timeStyle cannot be combined with timeZoneName: hour and minute instead
  const theirs = new Intl.DateTimeFormat(locale, {hour: '2-digit', minute: '2-digit', timeZone: debtorZone, timeZoneName: 'short'})
    .format(at);
  return mine + ' (debtor: ' + theirs + ')';
}

function money(amount, currency) {
  if (amount === null || amount === undefined) {
    return '–';
  }
  try {
    return new Intl.NumberFormat(locale, {style: 'currency', currency}).format(Number(amount));
  } catch (unknownCurrency) {
    return Number(amount).toFixed(2) + ' ' + currency;
  }
}

function table(kind, headers, rows) {
  if (!rows.length) {
    return element('p', {'class': 'cd-empty', 'data-table': kind}, 'None.');
  }
  return element('table', {'class': 'table table-condensed cd-table', 'data-table': kind},
    element('thead', {}, element('tr', {}, ...headers.map(header => element('th', {}, header)))),
    element('tbody', {}, ...rows.map(cells => element('tr', {}, ...cells.map(cell => element('td', {}, cell === null || cell === undefined ? '–' : String(cell)))))));
}

function section(title, ...content) {
  return element('section', {'class': 'cd-section'}, element('h4', {}, title), ...content);
}

function consent(allowedText, erpOptOut, ownOptOutAt, ownOptOutText, zone) {
  if (ownOptOutAt) {
    return ownOptOutText + ' ' + formatTime(ownOptOutAt, zone);
  }
  return erpOptOut ? 'opted out (ERP)' : allowedText;
}

function contactPoints(customer) {
  const zone = customer.timeZone;
  const localNow = new Intl.DateTimeFormat(locale, {timeStyle: 'short', timeZone: zone}).format(new Date());
  return section('Contact points and consents',
    table('contact-points', ['Channel', 'Address', 'Consent'], [
      ['Phone (SMS)', customer.phone, consent('SMS allowed', customer.smsOptOut, customer.smsStoppedAt, 'replied STOP on', zone)],
      ['Phone (calls)', customer.phone, customer.voiceOptOut ? 'no calls (ERP)' : 'calls allowed'],
      ['E-mail', customer.email, consent('e-mail allowed', customer.emailOptOut, customer.emailUnsubscribedAt, 'unsubscribed on', zone)],
      ['Letter', customer.address, 'letters allowed']
    ]),
    element('p', {'class': 'cd-facts'},
      'Language ' + customer.language + ' · country ' + customer.country + ' · time zone ' + zone
      + ' (now ' + localNow + ' there)'
      + (customer.ceasedCommunication ? ' · CEASED COMMUNICATION: no automated contact' : '')));
}

function balances(customer) {
  return section('Balances',
    table('balances', ['Currency', 'Open', 'Overdue', 'Credit'], customer.balances.map(b =>
      [b.currency, money(b.openAmount, b.currency), money(b.overdueAmount, b.currency), money(b.credit, b.currency)])));
}

function invoices(customer) {
  return section('Invoices',
    table('invoices', ['Invoice', 'Contract', 'Issued', 'Due', 'Amount', 'Open', 'Status', 'DPD'], customer.invoices.map(i =>
      [i.invoiceNumber, i.contractId, formatDate(i.issueDate), formatDate(i.dueDate), money(i.amount, i.currency),
        money(i.openAmount, i.currency), i.status, i.daysPastDue])));
}

function payments(customer) {
  return section('Payments and allocations',
    table('payments', ['Payment', 'Paid on', 'Amount', 'Unallocated', 'Allocated to'], customer.payments.map(p =>
      [p.paymentId, formatDate(p.paidOn), money(p.amount, p.currency), money(p.unallocatedAmount, p.currency),
        p.allocations.map(a => a.invoiceNumber + ': ' + money(a.amount, p.currency)).join(', ') || '–'])));
}

function decision(detail, type) {
  const event = (detail.decisions || []).filter(e => e.type === type).pop();
  return event ? event.details : '–';
}

function ticket(detail, zone) {
  const t = detail.ticket;
  return element('div', {'class': 'cd-ticket', 'data-ticket': t.ticketNumber},
    element('h4', {}, 'Ticket ' + t.ticketNumber + ' · ' + t.status + (t.closeReason ? ' (' + t.closeReason + ')' : '')),
    element('p', {'class': 'cd-facts'},
      'Overdue ' + money(t.overdueAmount, t.currency) + ' · DPD ' + t.maxDpd + ' · bucket ' + t.bucket
      + ' · segment ' + (t.segment || '–') + ' · owner ' + (t.owner || 'nobody') + ' · opened ' + formatDate(t.openedOn)),
    element('p', {'class': 'cd-facts'},
      'Next step: ' + (t.nextStep || '–') + (t.nextStepDueAt ? ', due ' + formatTime(t.nextStepDueAt, zone) : '')),
    element('h5', {}, 'Segment decision and why'),
    element('p', {'class': 'cd-decision', 'data-decision': 'segment'}, decision(detail, 'SEGMENT_DECIDED')),
    element('h5', {}, 'Strategy'),
    element('p', {'class': 'cd-decision', 'data-decision': 'strategy'}, decision(detail, 'STRATEGY_PLANNED')),
    table('steps', ['Step', 'Channel', 'Template', 'Due', 'Done'], (detail.steps || []).map(s =>
      ['day ' + s.dayOffset, s.channel, s.templateId, formatTime(s.dueAt, zone), s.doneAt ? formatTime(s.doneAt, zone) : 'open'])),
    element('h5', {}, 'Contacts'),
    table('contacts', ['When', 'Channel', 'Outcome', 'Delivery', 'By', 'Text'], (detail.contacts || []).map(c =>
      [formatTime(c.at, zone), c.channel, c.outcome, c.deliveryStatus, c.author,
        (c.text || c.note || '') + (c.sandbox ? ' [sandbox]' : '')])),
    element('h5', {}, 'Promises'),
    table('promises', ['Amount', 'Promised for', 'State', 'By', 'Taken'], (detail.promises || []).map(p =>
      [money(p.amount, t.currency), formatDate(p.date), p.status, p.author, formatTime(p.createdAt, zone)])),
    element('h5', {}, 'Disputes'),
    table('disputes', ['Reason', 'Amount', 'Resolution', 'By', 'Raised'], (detail.disputes || []).map(d =>
      [d.reason, money(d.amount, t.currency), d.resolution || 'open', d.author, formatTime(d.createdAt, zone)])));
}

const STYLE = `
.cd-debtor { padding: 10px 15px; font-size: 13px; }
.cd-debtor h3 { margin-top: 0; }
.cd-debtor h4 { margin: 18px 0 6px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
.cd-debtor h5 { margin: 10px 0 4px; font-weight: bold; }
.cd-debtor .cd-table { width: auto; max-width: 100%; margin-bottom: 6px; }
.cd-debtor .cd-table td { vertical-align: top; white-space: nowrap; }
.cd-debtor .cd-table td:last-child { white-space: normal; }
.cd-debtor .cd-empty, .cd-debtor .cd-facts { color: #555; margin: 2px 0 6px; }
.cd-debtor .cd-decision { font-family: monospace; font-size: 12px; white-space: pre-wrap; color: #333; }
.cd-debtor .cd-ticket { margin-top: 12px; }
.cd-debtor .cd-error { color: #b94a48; }
`;

function ensureStyle() {
  if (!document.getElementById('cd-debtor-style')) {
    document.head.append(element('style', {id: 'cd-debtor-style'}, STYLE));
  }
}

/** Draws the overview into the node, replacing what was there. */
export function renderOverview(node, overview) {
  ensureStyle();
  const customer = overview.customer;
  node.replaceChildren(element('div', {'class': 'cd-debtor', 'data-customer': customer.customerId},
    element('h3', {}, customer.name + ' · ' + customer.customerId),
    contactPoints(customer),
    balances(customer),
    invoices(customer),
    payments(customer),
    section('Tickets (' + overview.tickets.length + ', newest first)', ...overview.tickets.map(detail => ticket(detail, customer.timeZone)))));
}

export function renderMessage(node, text, isError) {
  ensureStyle();
  node.replaceChildren(element('div', {'class': 'cd-debtor'}, element('p', {'class': isError ? 'cd-error' : 'cd-empty'}, text)));
}

/** Loads and draws the debtor of a ticket, or says why not. */
export function showDebtorOfTicket(node, ticketNumber) {
  if (!ticketNumber) {
    renderMessage(node, 'This task belongs to no ticket.', false);
    return Promise.resolve();
  }
  renderMessage(node, 'Loading the debtor of ticket ' + ticketNumber + ' …', false);
  return loadByTicket(ticketNumber)
    .then(overview => renderOverview(node, overview))
    .catch(error => renderMessage(node, 'The debtor could not be loaded: ' + error.message, true));
}
