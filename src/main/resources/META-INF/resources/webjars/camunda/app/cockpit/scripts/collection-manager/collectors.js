// "Collectors": each collector's skills (languages, product types), availability and team lead, kept through
// PUT /api/collectors/{userId}, and their queue (open tickets, overdue amount, open and overdue tasks).
import {apiGet, apiSend, element, fieldReason, money, dateTime, pageStyles} from '../collection-desk/common.js';

const FIELDS = ['languages', 'productTypes', 'available', 'teamLead'];

function list(values) {
  return (values || []).join(', ');
}

function codes(text) {
  return text.split(/[\s,;]+/).map(code => code.trim()).filter(code => code);
}

function overdueText(amounts) {
  return amounts.length ? amounts.map(amount => money(amount.amount, amount.currency)).join(' · ') : 'none';
}

function profileCells(collector) {
  const profile = collector.profile;
  if (!profile) {
    return [element('td', {colspan: 4, 'class': 'cd-muted'}, 'No profile yet: counts as available, any language and product')];
  }
  return [element('td', {}, list(profile.languages)), element('td', {}, list(profile.productTypes)),
    element('td', {}, profile.available ? 'yes' : 'away'), element('td', {}, profile.teamLead || '')];
}

function queueCells(queue) {
  return [element('td', {'class': 'text-right'}, String(queue.openTickets)),
    element('td', {'class': 'text-right'}, overdueText(queue.overdue)),
    element('td', {'class': 'text-right'}, String(queue.openTasks)),
    element('td', {'class': 'text-right' + (queue.overdueTasks ? ' cd-error' : '')}, String(queue.overdueTasks))];
}

/** "languages[1]: must be a language code …" next to the languages field reads "english: must be a language code …". */
function fieldMessage(problem, input) {
  const reason = fieldReason(problem);
  const entry = /\[(\d+)]$/.exec(problem.field);
  return entry ? '"' + codes(input.value)[Number(entry[1])] + '": ' + reason : reason;
}

function editRow(collector, csrfToken, reload) {
  const profile = collector.profile || {languages: [], productTypes: [], available: true, teamLead: null};
  const inputs = {
    languages: element('input', {'class': 'form-control input-sm', name: 'languages', value: list(profile.languages),
      placeholder: 'bg, en'}),
    productTypes: element('input', {'class': 'form-control input-sm', name: 'productTypes',
      value: list(profile.productTypes), placeholder: 'CONSUMER_LOAN'}),
    available: element('input', {type: 'checkbox', name: 'available', checked: profile.available,
      title: 'available for new tickets and calls'}),
    teamLead: element('input', {'class': 'form-control input-sm', name: 'teamLead', value: profile.teamLead || '',
      placeholder: 'a manager\'s user id'})
  };
  const errors = Object.fromEntries(FIELDS.map(field => [field, element('div', {'class': 'cd-field-error', 'data-error-for': field})]));
  const general = element('div', {'class': 'cd-field-error'});
  const cell = field => element('td', {}, field === 'available'
    ? element('label', {'class': 'cd-check'}, inputs[field], ' available') : inputs[field], errors[field]);
  const save = element('button', {'class': 'btn btn-primary btn-sm', type: 'button', onclick: () => {
    FIELDS.forEach(field => { errors[field].textContent = ''; });
    general.textContent = '';
    apiSend('PUT', 'collectors/' + encodeURIComponent(collector.userId), {
      languages: codes(inputs.languages.value),
      productTypes: codes(inputs.productTypes.value),
      available: inputs.available.checked,
      teamLead: inputs.teamLead.value.trim() || null
    }, csrfToken).then(reload).catch(problem => {
      const field = FIELDS.find(name => problem.field && problem.field.startsWith(name));
      (field ? errors[field] : general).textContent = field ? fieldMessage(problem, inputs[field]) : problem.message;
    });
  }}, 'Save');
  const cancel = element('button', {'class': 'btn btn-default btn-sm', type: 'button', onclick: reload}, 'Cancel');
  return element('tr', {'class': 'cd-editing', 'data-collector': collector.userId},
    element('td', {}, collector.name, element('div', {'class': 'cd-muted'}, collector.userId), general),
    cell('languages'), cell('productTypes'), cell('available'), cell('teamLead'),
    ...queueCells(collector.queue), element('td', {}, save, ' ', cancel));
}

function queueSection(userId, queue) {
  const tickets = queue.tickets.map(ticket => element('tr', {},
    element('td', {}, ticket.ticketNumber), element('td', {}, ticket.status), element('td', {}, ticket.segment || ''),
    element('td', {}, ticket.bucket || ''), element('td', {'class': 'text-right'}, String(ticket.maxDpd)),
    element('td', {'class': 'text-right'}, money(ticket.overdueAmount, ticket.currency))));
  const tasks = queue.tasks.map(task => element('tr', {'class': task.overdue ? 'cd-error' : ''},
    element('td', {}, task.ticketNumber), element('td', {}, task.name), element('td', {}, dateTime(task.due)),
    element('td', {}, task.overdue ? 'overdue' : '')));
  return element('section', {id: 'cd-queue', 'data-collector': userId},
    element('h3', {}, 'Queue of ' + userId),
    element('h4', {}, 'Open tickets (' + queue.tickets.length + ')'),
    tickets.length ? element('table', {'class': 'table table-condensed table-bordered'},
      element('thead', {}, element('tr', {}, ...['Ticket', 'Status', 'Segment', 'DPD bucket', 'Days past due', 'Overdue']
        .map(title => element('th', {}, title)))), element('tbody', {}, tickets))
      : element('p', {'class': 'cd-muted'}, 'No open tickets.'),
    element('h4', {}, 'Open tasks (' + queue.tasks.length + ')'),
    tasks.length ? element('table', {'class': 'table table-condensed table-bordered'},
      element('thead', {}, element('tr', {}, ...['Ticket', 'Task', 'Due', ''].map(title => element('th', {}, title)))),
      element('tbody', {}, tasks))
      : element('p', {'class': 'cd-muted'}, 'No open tasks.'));
}

export async function renderCollectors(node, csrfToken) {
  node.innerHTML = '';
  const queueArea = element('div', {});
  const body = element('tbody', {});
  const message = element('p', {'class': 'cd-muted'}, 'Loading collectors…');
  node.append(element('div', {'class': 'cd-page'}, element('style', {}, pageStyles),
    element('h2', {}, 'Collectors'),
    element('p', {'class': 'cd-muted'}, 'Skills decide who gets a new ticket: the available collector whose languages and '
      + 'product types fit best, then the one with the fewest open tickets. A collector who is away gets no new tickets, '
      + 'and their calls wait for the whole team.'),
    message,
    element('table', {'class': 'table table-condensed table-bordered', id: 'cd-collectors'},
      element('thead', {}, element('tr', {}, ...['Collector', 'Languages', 'Product types', 'Available', 'Team lead',
        'Open tickets', 'Overdue amount', 'Open tasks', 'Overdue tasks', ''].map(title => element('th', {}, title)))),
      body),
    queueArea));

  const reload = () => renderCollectors(node, csrfToken);
  let collectors;
  try {
    collectors = await apiGet('collectors');
  } catch (problem) {
    message.className = 'cd-error';
    message.textContent = 'Collectors are not available: ' + problem.message;
    return;
  }
  message.textContent = collectors.length ? '' : 'Nobody is in the collectors group yet (Admin → Groups → collectors).';
  collectors.forEach(collector => {
    const row = element('tr', {'data-collector': collector.userId},
      element('td', {}, collector.name, element('div', {'class': 'cd-muted'}, collector.userId)),
      ...profileCells(collector), ...queueCells(collector.queue),
      element('td', {},
        element('button', {'class': 'btn btn-default btn-sm', type: 'button', 'data-action': 'edit',
          onclick: () => row.replaceWith(editRow(collector, csrfToken, reload))}, 'Edit'), ' ',
        element('button', {'class': 'btn btn-default btn-sm', type: 'button', 'data-action': 'queue', onclick: () =>
          apiGet('collectors/' + encodeURIComponent(collector.userId) + '/queue')
            .then(queue => queueArea.replaceChildren(queueSection(collector.userId, queue)))
            .catch(problem => queueArea.replaceChildren(element('p', {'class': 'cd-error'}, problem.message)))},
        'Queue')));
    body.append(row);
  });
}
