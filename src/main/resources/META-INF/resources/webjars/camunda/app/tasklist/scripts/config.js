// Tasklist configuration of Collection Desk (forms15's keys; the lead merges them with the other branches' keys).
export default {
  customScripts: [
    // a filter opens in its saved sort order (priority first), not Tasklist's "created, newest first"
    'scripts/priority-sorting/plugin.js'
  ],
};
