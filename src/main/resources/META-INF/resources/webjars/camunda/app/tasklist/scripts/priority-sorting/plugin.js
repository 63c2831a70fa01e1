// Collection Desk: a Tasklist filter opens in its own saved sort order (ours: priority, then due date), not in
// Tasklist's built-in "created, newest first". Tasklist takes the list's sort from the page address (`sorting`);
// when the address has none, or only the built-in default and the collector has not picked a sort for this filter in
// this page, the saved filter's sorting is put there. A sort the collector picks afterwards stays.

const BUILT_IN = JSON.stringify([{sortBy: 'created', sortOrder: 'desc'}]);
const appRoot = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda';
const engine = (window.location.pathname.match(/\/app\/tasklist\/([^/]+)/) || [])[1] || 'default';
const filterSortings = {};
const applied = new Set();

function route() {
  const hash = window.location.hash || '';
  const query = hash.indexOf('?') >= 0 ? hash.slice(hash.indexOf('?') + 1) : '';
  return {path: hash.slice(1).split('?')[0], params: new URLSearchParams(query)};
}

function savedSorting(filterId) {
  if (!filterSortings[filterId]) {
    filterSortings[filterId] = fetch(appRoot + '/api/engine/engine/' + engine + '/filter/' + encodeURIComponent(filterId),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => (response.ok ? response.json() : {}))
      .then(filter => ((filter.query && filter.query.sorting) || [])
        .filter(sorting => sorting.sortBy && sorting.sortOrder)
        .map(sorting => ({sortBy: sorting.sortBy, sortOrder: sorting.sortOrder})))
      .catch(() => []);
  }
  return filterSortings[filterId];
}

function useSavedSorting() {
  const {path, params} = route();
  const filterId = params.get('filter');
  const sorting = params.get('sorting');
  if (path !== '/' || !filterId || applied.has(filterId) || (sorting && sorting !== BUILT_IN)) {
    if (filterId && sorting && sorting !== BUILT_IN) {
      applied.add(filterId);
    }
    return;
  }
  applied.add(filterId);
  savedSorting(filterId).then(saved => {
    const now = route();
    if (!saved.length || now.params.get('filter') !== filterId
      || (now.params.get('sorting') && now.params.get('sorting') !== BUILT_IN)) {
      return;
    }
    now.params.set('sorting', JSON.stringify(saved));
    window.location.replace('#' + now.path + '?' + now.params.toString());
  });
}

window.addEventListener('hashchange', useSavedSorting);
useSavedSorting();

export default [];
