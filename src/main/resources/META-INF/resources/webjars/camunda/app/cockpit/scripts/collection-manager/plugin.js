// Collection Desk's pages for managers in Cockpit: "Collectors" (profiles and queues), "Reassign tickets", "Holds" and, for
// analysts too, "Dry-run" (candidate models on the portfolio), each a cockpit.route page with its entry in Cockpit's top
// navigation (cockpit.navigation).
import {renderCollectors} from './collectors.js';
import {renderReassign} from './reassign.js';
import {renderHolds} from './holds.js';
import {renderDryRun} from './dry-run.js';

function navigation(id, path, label, priority) {
  return {
    id: id + '-navigation',
    pluginPoint: 'cockpit.navigation',
    priority,
    properties: {path},
    render: node => {
      node.innerHTML = '';
      const link = document.createElement('a');
      link.href = '#' + path;
      link.textContent = label;
      node.append(link);
    }
  };
}

function route(id, path, render) {
  return {
    id: id + '-route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: {path},
    render: (node, {api}) => {
      render(node, api.CSRFToken);
    }
  };
}

export default [
  navigation('collection-desk-collectors', '/collectors', 'Collectors', 8),
  route('collection-desk-collectors', '/collectors', renderCollectors),
  navigation('collection-desk-reassign', '/reassign', 'Reassign tickets', 7),
  route('collection-desk-reassign', '/reassign', renderReassign),
  navigation('collection-desk-holds', '/holds', 'Holds', 6),
  route('collection-desk-holds', '/holds', renderHolds),
  navigation('collection-desk-dry-run', '/dry-run', 'Dry-run', 5),
  route('collection-desk-dry-run', '/dry-run', renderDryRun)
];
