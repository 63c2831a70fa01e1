// The "Debtor" tab on every Tasklist task (plugin point tasklist.task.detail): the task's ticket number (a task
// variable every ticket task has) leads to the debtor's overview (overview.js).
import {showDebtorOfTicket, renderMessage} from './overview.js';

function ticketNumberOf(api, taskId) {
  return fetch(api.engineApi + '/task/' + encodeURIComponent(taskId) + '/variables/ticketNumber',
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json().then(variable => variable.value) : null);
}

export default {
  id: 'collection-desk-debtor',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  properties: {label: 'Debtor'},
  render(node, {api, taskId}) {
    ticketNumberOf(api, taskId)
      .then(ticketNumber => showDebtorOfTicket(node, ticketNumber))
      .catch(error => renderMessage(node, 'The debtor could not be loaded: ' + error.message, true));
  }
};
