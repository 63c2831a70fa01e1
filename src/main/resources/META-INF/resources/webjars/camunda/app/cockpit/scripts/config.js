// Cockpit configuration of Collection Desk: everything as Camunda ships it, plus Collection Desk's plugins:
// the managers' dashboard (collection-dashboard, on the cockpit.dashboard plugin point) and the managers' pages
// "Collectors" and "Reassign tickets" (collection-manager, cockpit.route + cockpit.navigation).
export default {
  customScripts: [
    'scripts/collection-dashboard/plugin.js',
    'scripts/collection-manager/plugin.js',
    // the debtor at a glance, a tab on a ticket's process instance
    'scripts/debtor-overview/plugin.js'
  ]
};
