// Tasklist configuration of Collection Desk: everything as Camunda ships it, plus a filter opening in its saved sort
// order (priority first, scripts/priority-sorting), the debtor search criterion in the search box
// (scripts/debtor-search) and the "Debtor" tab on every task of a ticket (scripts/debtor-overview).
export default {
  customScripts: [
    'scripts/priority-sorting/plugin.js',
    'scripts/debtor-search/plugin.js',
    'scripts/debtor-overview/tasklist-tab.js'
  ]
};
