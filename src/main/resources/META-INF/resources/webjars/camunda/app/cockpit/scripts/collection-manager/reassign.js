// "Reassign tickets": a manager picks open tickets by owner, segment and DPD bucket (GET
// /api/tickets/reassignments/candidates), then moves the ones ticked, or every ticket the filter matches, to another
// collector with their open calls (POST /api/tickets/reassignments).
import {apiGet, apiSend, countOf, element, money, query, pageStyles} from '../collection-desk/common.js';

const BUCKET_ORDER = bucket => bucket === 'current' ? -1 : parseInt(bucket, 10);

function select(id, label, options, anyLabel) {
  const choices = anyLabel === null ? [] : [element('option', {value: ''}, anyLabel)];
  options.forEach(option => choices.push(element('option', {value: option.value}, option.label)));
  const field = element('select', {'class': 'form-control input-sm', id}, choices);
  return {field, node: element('label', {}, label, field)};
}

function candidateTable(candidates, checked) {
  const rows = candidates.tickets.map(ticket => {
    const box = element('input', {type: 'checkbox', checked: true, 'data-ticket': ticket.ticketNumber});
    checked.push(box);
    return element('tr', {'data-ticket': ticket.ticketNumber},
      element('td', {}, box), element('td', {}, ticket.ticketNumber), element('td', {}, ticket.owner || 'nobody'),
      element('td', {}, ticket.status), element('td', {}, ticket.segment || ''), element('td', {}, ticket.bucket || ''),
      element('td', {'class': 'text-right'}, String(ticket.maxDpd)),
      element('td', {'class': 'text-right'}, money(ticket.overdueAmount, ticket.currency)));
  });
  return element('table', {'class': 'table table-condensed table-bordered', id: 'cd-candidates'},
    element('thead', {}, element('tr', {}, ...['', 'Ticket', 'Owner', 'Status', 'Segment', 'DPD bucket', 'Days past due',
      'Overdue'].map(title => element('th', {}, title)))),
    element('tbody', {}, rows));
}

export async function renderReassign(node, csrfToken) {
  node.innerHTML = '';
  const page = element('div', {'class': 'cd-page'}, element('style', {}, pageStyles), element('h2', {}, 'Reassign tickets'),
    element('p', {'class': 'cd-muted'}, 'Pick open tickets by owner, segment or DPD bucket and hand them to another '
      + 'collector. Their open calls and reply tasks move too (to the collectors group while the new owner is away); '
      + 'each ticket\'s timeline records who reassigned it.'));
  node.append(page);
  let collectors;
  let groups;
  try {
    [collectors, groups] = await Promise.all([apiGet('collectors'), apiGet('reports/tickets?groupBy=segment,bucket')]);
  } catch (problem) {
    page.append(element('p', {'class': 'cd-error'}, 'Reassignment is not available: ' + problem.message));
    return;
  }
  const people = collectors.map(collector => ({value: collector.userId,
    label: collector.name === collector.userId ? collector.userId : collector.name + ' (' + collector.userId + ')'}));
  const distinct = key => [...new Set(groups.rows.map(row => row[key]).filter(value => value))];
  const owner = select('cd-reassign-owner', 'Owner', people, 'any owner');
  const segment = select('cd-reassign-segment', 'Segment', distinct('segment').sort().map(value => ({value, label: value})), 'any segment');
  const bucket = select('cd-reassign-bucket', 'DPD bucket', distinct('bucket').sort((a, b) => BUCKET_ORDER(a) - BUCKET_ORDER(b))
    .map(value => ({value, label: value})), 'any bucket');
  const newOwner = select('cd-reassign-new-owner', 'New owner', people, null);
  const listing = element('div', {id: 'cd-candidates-area'});
  const result = element('p', {id: 'cd-reassign-result'});
  const filter = () => ({owner: owner.field.value, segment: segment.field.value, bucket: bucket.field.value});
  let checked = [];

  const show = () => apiGet('tickets/reassignments/candidates?' + query(filter())).then(candidates => {
    checked = [];
    listing.replaceChildren(
      element('p', {'class': 'cd-muted'}, candidates.tickets.length + (candidates.more ? '+ ' : ' ')
        + 'open tickets match' + (candidates.more ? ' (the first ' + candidates.tickets.length + ' shown)' : '') + '.'),
      candidates.tickets.length ? candidateTable(candidates, checked) : '');
  }).catch(problem => listing.replaceChildren(element('p', {'class': 'cd-error'}, problem.message)));

  const send = body => {
    result.className = '';
    result.textContent = 'Moving…';
    apiSend('POST', 'tickets/reassignments', {...body, newOwner: newOwner.field.value}, csrfToken).then(moved => {
      result.className = 'cd-ok';
      result.textContent = countOf(moved.ticketsMoved, 'ticket', 'tickets') + ' and '
        + countOf(moved.tasksMoved, 'open task', 'open tasks') + ' moved to '
        + moved.newOwner + '.';
      return show();
    }).catch(problem => {
      result.className = 'cd-error';
      result.textContent = problem.message;
    });
  };
  const moveSelected = () => {
    const numbers = checked.filter(box => box.checked).map(box => box.getAttribute('data-ticket'));
    if (!numbers.length) {
      result.className = 'cd-error';
      result.textContent = 'Tick at least one ticket, or move all that match the filter.';
      return;
    }
    send({ticketNumbers: numbers});
  };
  const criteria = () => Object.fromEntries(Object.entries(filter()).filter(([, value]) => value));

  page.append(
    element('div', {'class': 'cd-form-row'}, owner.node, segment.node, bucket.node,
      element('button', {'class': 'btn btn-default btn-sm', type: 'button', id: 'cd-reassign-show', onclick: show},
        'Show tickets')),
    listing,
    element('div', {'class': 'cd-form-row'}, newOwner.node,
      element('button', {'class': 'btn btn-primary btn-sm', type: 'button', id: 'cd-reassign-selected', onclick: moveSelected},
        'Reassign ticked tickets'),
      element('button', {'class': 'btn btn-default btn-sm', type: 'button', id: 'cd-reassign-all',
        onclick: () => send({filter: criteria()})}, 'Reassign all that match the filter')),
    result);
  await show();
}
