// Tasklist configuration of Collection Desk: everything as Camunda ships it, plus a filter opening in its saved sort
// order (priority first, scripts/priority-sorting), the debtor search criterion in the search box
// (scripts/debtor-search), the "Debtor" tab on every task of a ticket (scripts/debtor-overview) and dates in the
// task forms in the viewer's locale (scripts/form-locale).
export default {
  customScripts: [
    'scripts/priority-sorting/plugin.js',
    'scripts/debtor-search/plugin.js',
    'scripts/debtor-overview/tasklist-tab.js',
    'scripts/form-locale/plugin.js'
  ]
};
