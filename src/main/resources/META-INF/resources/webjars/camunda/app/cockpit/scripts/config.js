// Cockpit configuration of Collection Desk: everything as Camunda ships it, plus the managers' dashboard plugin
// (scripts/collection-dashboard/plugin.js, registered on the cockpit.dashboard plugin point).
export default {
  customScripts: [
    'scripts/collection-dashboard/plugin.js',
    // the debtor at a glance on a ticket's process instance (search15)
    'scripts/debtor-overview/plugin.js'
  ]
};
