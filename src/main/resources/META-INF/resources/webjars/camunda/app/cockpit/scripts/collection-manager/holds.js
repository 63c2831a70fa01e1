// "Holds": a manager puts a ticket, or one of its overdue invoices, on hold (POST /api/tickets/{ticketNumber}/holds)
// with a reason, a note and an end date or open-ended, sees every open hold (GET /api/holds) and lifts one
// (POST /api/holds/{id}/lift). A refusal is shown under the field it names.
import {apiGet, apiSend, element, fieldReason, pageStyles} from '../collection-desk/common.js';

const REASONS = ['INSOLVENCY', 'DECEASED', 'BEREAVEMENT', 'HARDSHIP', 'COMPLAINT', 'LEGAL_REVIEW', 'OTHER'];

function field(name, label, input) {
  const error = element('span', {'class': 'cd-field-error', 'data-error-for': name});
  return {input, error, node: element('label', {}, label, input, error)};
}

function holdTable(holds, lift) {
  return element('table', {'class': 'table table-condensed table-bordered', id: 'cd-holds'},
    element('thead', {}, element('tr', {}, ...['Ticket', 'Invoice', 'Reason', 'By', 'Since', 'Until', 'Note', '']
      .map(title => element('th', {}, title)))),
    element('tbody', {}, holds.map(hold => element('tr', {'data-hold': hold.id},
      element('td', {}, hold.ticketNumber || ''), element('td', {}, hold.invoiceNumber || 'whole ticket'),
      element('td', {}, hold.reason + (hold.stopsAllContact ? ' (all contact stopped)' : '')
        + (hold.interestFrozen ? ', interest frozen' : '')),
      element('td', {}, hold.source + (hold.placedBy ? ' ' + hold.placedBy : '')),
      element('td', {}, hold.startsOn), element('td', {}, hold.endsOn || 'open-ended'), element('td', {}, hold.note || ''),
      element('td', {}, element('button', {'class': 'btn btn-default btn-xs', type: 'button', onclick: () => lift(hold)},
        'Lift'))))));
}

export async function renderHolds(node, csrfToken) {
  node.innerHTML = '';
  const page = element('div', {'class': 'cd-page'}, element('style', {}, pageStyles), element('h2', {}, 'Holds'),
    element('p', {'class': 'cd-muted'}, 'A hold pauses the ticket\'s strategy (no messages, no calls) until its end date '
      + 'or until lifted; a held invoice\'s money leaves the strategy\'s total. Insolvency and death stop all automated '
      + 'contact with the debtor; hardship and insolvency freeze the interest. Everything goes on the ticket\'s timeline.'));
  node.append(page);
  const fields = {
    ticketNumber: field('ticketNumber', 'Ticket', element('input', {'class': 'form-control input-sm', id: 'cd-hold-ticket'})),
    invoiceNumber: field('invoiceNumber', 'Invoice (empty: whole ticket)',
      element('input', {'class': 'form-control input-sm', id: 'cd-hold-invoice'})),
    reason: field('reason', 'Reason', element('select', {'class': 'form-control input-sm', id: 'cd-hold-reason'},
      REASONS.map(reason => element('option', {value: reason}, reason)))),
    endsOn: field('endsOn', 'Until (empty: open-ended)',
      element('input', {'class': 'form-control input-sm', type: 'date', id: 'cd-hold-ends-on'})),
    note: field('note', 'Note', element('input', {'class': 'form-control input-sm', id: 'cd-hold-note', maxlength: 2000}))
  };
  const result = element('p', {id: 'cd-hold-result'});
  const listing = element('div', {id: 'cd-holds-area'}, element('p', {'class': 'cd-muted'}, 'Loading open holds…'));
  const say = (className, text) => {
    result.className = className;
    result.textContent = text;
  };
  const show = () => apiGet('holds').then(holds => listing.replaceChildren(
    element('p', {'class': 'cd-muted'}, holds.length + ' open hold' + (holds.length === 1 ? '' : 's') + '.'),
    holds.length ? holdTable(holds, lift) : '')).catch(problem => listing.replaceChildren(
    element('p', {'class': 'cd-error'}, 'Open holds are not shown: ' + problem.message)));
  const lift = hold => apiSend('POST', 'holds/' + hold.id + '/lift', {}, csrfToken)
    .then(() => say('cd-ok', 'Hold ' + hold.reason + ' on ' + hold.ticketNumber + ' lifted.'))
    .then(show).catch(problem => say('cd-error', problem.message));
  const place = () => {
    Object.values(fields).forEach(f => { f.error.textContent = ''; });
    const ticketNumber = fields.ticketNumber.input.value.trim();
    if (!ticketNumber) {
      fields.ticketNumber.error.textContent = 'is required';
      return;
    }
    placing.disabled = true;
    const body = {reason: fields.reason.input.value, note: fields.note.input.value || null,
      endsOn: fields.endsOn.input.value || null, invoiceNumber: fields.invoiceNumber.input.value.trim() || null};
    apiSend('POST', 'tickets/' + encodeURIComponent(ticketNumber) + '/holds', body, csrfToken).then(hold => {
      ['ticketNumber', 'invoiceNumber', 'endsOn', 'note'].forEach(name => { fields[name].input.value = ''; });
      say('cd-ok', 'Ticket ' + hold.ticketNumber + (hold.invoiceNumber ? ', invoice ' + hold.invoiceNumber : '')
        + ' on hold: ' + hold.reason + (hold.endsOn ? ' until ' + hold.endsOn : ', open-ended') + '.');
      return show();
    }).catch(problem => {
      say('cd-error', problem.message);
      if (problem.field && fields[problem.field]) {
        fields[problem.field].error.textContent = fieldReason(problem);
      }
    }).finally(() => { placing.disabled = false; });
  };
  const placing = element('button', {'class': 'btn btn-primary btn-sm', type: 'button', id: 'cd-hold-place', onclick: place},
    'Put on hold');
  page.append(
    element('div', {'class': 'cd-form-row'}, ...Object.values(fields).map(f => f.node), placing),
    result, listing);
  await show();
}
