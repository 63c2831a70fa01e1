// Cockpit's "Debtor" tab on a ticket's process instance (plugin point cockpit.processInstance.runtime.tab): the
// instance's business key is the ticket number; the view is Tasklist's Debtor tab (tasklist/scripts/debtor-overview).
import {showDebtorOfTicket, renderMessage} from '../../../tasklist/scripts/debtor-overview/overview.js';

function ticketNumberOf(api, processInstanceId) {
  return fetch(api.engineApi + '/process-instance/' + encodeURIComponent(processInstanceId),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => response.ok ? response.json().then(instance => instance.businessKey) : null);
}

export default {
  id: 'collection-desk-debtor-cockpit',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 20,
  label: 'Debtor',
  properties: {label: 'Debtor'},
  render(node, {api, processInstanceId}) {
    ticketNumberOf(api, processInstanceId)
      .then(ticketNumber => showDebtorOfTicket(node, ticketNumber))
      .catch(error => renderMessage(node, 'The debtor could not be loaded: ' + error.message, true));
  }
};
