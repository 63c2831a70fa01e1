// "Dry-run": an analyst or manager picks candidate segment and/or strategy DMN files, runs them over the portfolio
// (POST /api/strategy/dry-runs, which changes nothing) and sees the result beside the deployed models: the segment
// from × to matrix, the contacts per channel and day of the next 30 days and their cost, and the tickets whose plan
// becomes empty or invalid. A refused candidate is shown under its file, the element it names included.
import {apiGet, apiSend, countOf, dateTime, element, fieldReason, money, pageStyles} from '../collection-desk/common.js';

const CANDIDATES = [
  {field: 'segment', decision: 'ticket-segment', label: 'Segment decision'},
  {field: 'strategy', decision: 'collection-strategy', label: 'Strategy decision'}
];

// The page scrolls within the window (below Cockpit's header, above its footer): Cockpit's own view clips what
// grows past it, and the 30 days' table does.
const styles = `
.cd-page.cd-dry-run { max-height: calc(100vh - 75px); }
.cd-page .cd-dry-run-models td, .cd-page .cd-dry-run-models th { padding: 4px 10px; }
.cd-page table.cd-matrix td { text-align: right; min-width: 70px; }
.cd-page table.cd-matrix td.cd-changed { background: #fdf0d5; font-weight: bold; }
.cd-page table.cd-matrix td.cd-same { color: #666; }
.cd-page .cd-more { color: #b5152b; }
.cd-page .cd-less { color: #2a7a2a; }
.cd-page .cd-dry-run-section { margin-top: 18px; }
`;

function table(id, titles, rows, className) {
  return element('table', {'class': 'table table-condensed table-bordered ' + (className || ''), id},
    element('thead', {}, element('tr', {}, ...titles.map(title => element('th', {}, title)))),
    element('tbody', {}, rows));
}

/** Rows: the deployed segment; columns: the candidate's. Off the diagonal the tickets that change segment. */
function matrixTable(cells) {
  const from = [...new Set(cells.map(cell => cell.from))].sort();
  const to = [...new Set(cells.map(cell => cell.to))].sort();
  const count = (f, t) => (cells.find(cell => cell.from === f && cell.to === t) || {tickets: 0}).tickets;
  return table('cd-dry-run-matrix', ['deployed ↓ / candidate →', ...to, 'Total'], from.map(f => element('tr', {},
    element('th', {}, f),
    ...to.map(t => element('td', {'data-from': f, 'data-to': t,
      'class': count(f, t) === 0 ? 'cd-same' : (f === t ? 'cd-same' : 'cd-changed')}, String(count(f, t)))),
    element('td', {}, String(to.reduce((sum, t) => sum + count(f, t), 0))))), 'cd-matrix');
}

function difference(now, then) {
  const change = now - then;
  return element('span', {'class': change > 0 ? 'cd-more' : (change < 0 ? 'cd-less' : 'cd-muted')},
    change > 0 ? '+' + change : String(change));
}

function channelTable(candidate, deployed) {
  const channels = [...new Set([...Object.keys(deployed.perChannel), ...Object.keys(candidate.perChannel)])];
  const rows = channels.map(channel => {
    const now = candidate.perChannel[channel] || 0;
    const then = deployed.perChannel[channel] || 0;
    return element('tr', {'data-channel': channel}, element('th', {}, channel), element('td', {'class': 'text-right'}, String(then)),
      element('td', {'class': 'text-right'}, String(now)), element('td', {'class': 'text-right'}, difference(now, then)),
      element('td', {'class': 'text-right'}, money((candidate.costPerChannel[channel] || 0), candidate.costCurrency)));
  });
  rows.push(element('tr', {'data-channel': 'cost'}, element('th', {}, 'Cost'),
    element('td', {'class': 'text-right'}, money(deployed.cost, deployed.costCurrency)),
    element('td', {'class': 'text-right'}, money(candidate.cost, candidate.costCurrency)),
    element('td', {'class': 'text-right'}, money(candidate.cost - deployed.cost, candidate.costCurrency)), element('td', {})));
  return table('cd-dry-run-channels', ['Contacts in 30 days', 'Deployed models', 'With the candidates', 'Change',
    'Cost with the candidates'], rows);
}

/** ISO days from {@code from} to {@code until} (exclusive), as the forecast counts them. */
function days(from, until) {
  const result = [];
  for (let day = new Date(from + 'T00:00:00Z'); day < new Date(until + 'T00:00:00Z'); day.setUTCDate(day.getUTCDate() + 1)) {
    result.push(day.toISOString().substring(0, 10));
  }
  return result;
}

function dayTable(candidate, deployed) {
  const channels = [...new Set([...Object.keys(deployed.perChannel), ...Object.keys(candidate.perChannel)])];
  const byDay = view => Object.fromEntries(view.perDay.map(row => [row.day, row]));
  const now = byDay(candidate);
  const then = byDay(deployed);
  const shown = day => new Date(day + 'T00:00:00Z').toLocaleDateString(navigator.language || 'en',
    {timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short'});
  return table('cd-dry-run-days', ['Day', ...channels],
    days(candidate.from, candidate.until).map(day => element('tr', {'data-day': day}, element('th', {}, shown(day)),
      ...channels.map(channel => {
        const count = (now[day] || {})[channel] || 0;
        const was = (then[day] || {})[channel] || 0;
        return element('td', {'class': 'text-right', 'data-channel': channel}, String(count),
          count === was ? '' : element('span', {'class': 'cd-muted'}, ' (' + was + ')'));
      }))));
}

function problemsSection(result) {
  const listed = result.plansEmptyOrInvalidListed;
  return element('div', {'class': 'cd-dry-run-section', id: 'cd-dry-run-problems-area'},
    element('h3', {}, 'Plans that become empty or invalid'),
    element('p', {'class': result.plansEmptyOrInvalid ? 'cd-error' : 'cd-muted', id: 'cd-dry-run-problem-count'},
      result.plansEmptyOrInvalid ? countOf(result.plansEmptyOrInvalid, 'ticket', 'tickets')
        + (listed.length < result.plansEmptyOrInvalid ? ' (the first ' + listed.length + ' listed)' : '') : 'None.'),
    listed.length ? table('cd-dry-run-problems', ['Ticket', 'Segment', 'Problem'], listed.map(problem =>
      element('tr', {'data-ticket': problem.ticketNumber}, element('td', {}, problem.ticketNumber),
        element('td', {}, problem.segment || ''), element('td', {}, problem.problem)))) : '');
}

function resultView(result) {
  const refused = Object.entries(result.contacts.refusedByPolicy);
  return element('div', {id: 'cd-dry-run-outcome'},
    element('p', {id: 'cd-dry-run-summary'}, 'As of ' + result.asOf + ': ' + countOf(result.tickets, 'ticket', 'tickets')
      + ' (' + result.openTickets + ' open' + (result.openedInLastMonths ? ', and those opened in the last '
      + result.openedInLastMonths + ' months' : '') + '); ' + countOf(result.segments.changed, 'ticket changes', 'tickets change')
      + ' segment. Took ' + result.elapsedMillis + ' ms; nothing was changed.'),
    element('div', {'class': 'cd-dry-run-section'}, element('h3', {}, 'Segments: deployed × candidate'),
      matrixTable(result.segments.matrix)),
    element('div', {'class': 'cd-dry-run-section'}, element('h3', {}, 'Contacts and cost, ' + result.contacts.from
      + ' to the day before ' + result.contacts.until), channelTable(result.contacts, result.contactsOfDeployedModels),
      element('p', {'class': 'cd-muted', id: 'cd-dry-run-refused'}, refused.length ? 'Refused by the contact policy (with the '
        + 'candidates): ' + refused.map(([rule, count]) => rule + ' ' + count).join(', ') + '.' : 'The contact policy refuses none.'),
      element('p', {'class': 'cd-muted'}, 'Per day with the candidates; in brackets the deployed models\' count where it differs.'),
      dayTable(result.contacts, result.contactsOfDeployedModels)),
    problemsSection(result));
}

export function renderDryRun(node, csrfToken) {
  node.innerHTML = '';
  const page = element('div', {'class': 'cd-page cd-dry-run'}, element('style', {}, pageStyles + styles),
    element('h2', {}, 'Dry-run'),
    element('p', {'class': 'cd-muted'}, 'Try a candidate segment and/or strategy decision (a DMN file, as the Modeler '
      + 'saves it) on every open ticket before deploying it: each ticket is decided by the deployed models and by the '
      + 'candidates on the same facts. Nothing is changed, deployed or sent.'));
  node.append(page);
  const inputs = {};
  const errors = {};
  const chosen = {};
  const deployedName = {};
  const deployedAt = {};
  const modelRows = CANDIDATES.map(candidate => {
    inputs[candidate.field] = element('input', {type: 'file', accept: '.dmn,.xml', id: 'cd-dry-run-' + candidate.field,
      onchange: () => {
        const file = inputs[candidate.field].files[0];
        chosen[candidate.field].textContent = file ? file.name : 'the deployed one';
      }});
    errors[candidate.field] = element('div', {'class': 'cd-field-error', 'data-error-for': candidate.field});
    deployedName[candidate.decision] = element('span', {'data-deployed': candidate.decision}, candidate.decision);
    deployedAt[candidate.decision] = element('div', {'class': 'cd-muted'});
    const deployed = element('td', {}, deployedName[candidate.decision], deployedAt[candidate.decision]);
    chosen[candidate.field] = element('span', {'data-candidate': candidate.field}, 'the deployed one');
    return element('tr', {}, element('th', {}, candidate.label), deployed,
      element('td', {}, inputs[candidate.field], chosen[candidate.field], errors[candidate.field]));
  });
  const months = element('input', {'class': 'form-control input-sm', type: 'number', min: 1, max: 24,
    id: 'cd-dry-run-months', placeholder: 'open only', style: 'width: 9em'});
  errors.openedInLastMonths = element('span', {'class': 'cd-field-error', 'data-error-for': 'openedInLastMonths'});
  const result = element('p', {id: 'cd-dry-run-result'});
  const area = element('div', {id: 'cd-dry-run-area'});
  const say = (className, text) => {
    result.className = className;
    result.textContent = text;
  };
  apiGet('strategy/dry-runs/deployed-models').then(models => models.forEach(model => {
    deployedName[model.decision].textContent = model.name;
    deployedAt[model.decision].textContent = model.deployedAt ? 'deployed ' + dateTime(model.deployedAt) : '';
  })).catch(problem => say('cd-error', 'The deployed models are not shown: ' + problem.message));
  const run = async () => {
    Object.values(errors).forEach(error => { error.textContent = ''; });
    const body = {};
    for (const candidate of CANDIDATES) {
      const file = inputs[candidate.field].files[0];
      if (file) {
        body[candidate.field] = await file.text();
      }
    }
    if (months.value) {
      body.openedInLastMonths = Number(months.value);
    }
    starting.disabled = true;
    say('cd-muted', 'Running…');
    area.replaceChildren();
    apiSend('POST', 'strategy/dry-runs', body, csrfToken).then(outcome => {
      say('cd-ok', 'Dry-run of ' + outcome.segmentTo + ' and ' + outcome.strategy + ' against the deployed '
        + outcome.segmentFrom + ' and ' + outcome.strategyFrom + '.');
      area.replaceChildren(resultView(outcome));
    }).catch(problem => {
      say('cd-error', problem.message);
      if (problem.field && errors[problem.field]) {
        errors[problem.field].textContent = fieldReason(problem);
      }
    }).finally(() => { starting.disabled = false; });
  };
  const starting = element('button', {'class': 'btn btn-primary btn-sm', type: 'button', id: 'cd-dry-run-start', onclick: run},
    'Run the dry-run');
  page.append(
    table('cd-dry-run-models', ['', 'Deployed (compared with)', 'Candidate (empty: the deployed one)'], modelRows,
      'cd-dry-run-models'),
    element('div', {'class': 'cd-form-row'},
      element('label', {}, 'Also the tickets opened in the last … months (1–24; empty: open tickets only)', months,
        errors.openedInLastMonths), starting),
    result, area);
}
