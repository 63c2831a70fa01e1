// Collection Desk dashboard on Cockpit's start page: KPI tiles, aging chart, open tickets by status and owner,
// collector efficiency. Reads /api/reports/* with the Cockpit login (GET only); charts by Chart.js (MIT),
// served by the application from its webjar, never from a CDN.

const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
const contextPath = appRoot.replace(/\/camunda\/?$/, '');
const reports = contextPath + '/api/reports/';
const chartJs = contextPath + '/webjars/chart.js/dist/chart.umd.js';

let chartLibrary;

// Cockpit runs RequireJS, which would swallow Chart.js's UMD build; evaluate it as CommonJS instead
// (the webapps' content security policy allows eval).
function loadChartJs() {
  if (!chartLibrary) {
    chartLibrary = fetch(chartJs, {credentials: 'same-origin'})
      .then(response => response.text())
      .then(source => {
        const module = {exports: {}};
        new Function('module', 'exports', 'define', source)(module, module.exports, undefined);
        return module.exports;
      });
  }
  return chartLibrary;
}

function get(path) {
  return fetch(reports + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => {
      if (!response.ok) {
        throw new Error(path + ' answered ' + response.status);
      }
      return response.json();
    });
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child));
  return node;
}

function perCurrency(rows, valueOf) {
  const parts = rows.filter(row => valueOf(row) !== null && valueOf(row) !== undefined)
    .map(row => valueOf(row) + (row.currency ? ' ' + row.currency : ''));
  return parts.length ? parts.join(' · ') : '–';
}

function tile(kpi, title, value) {
  return element('div', {'class': 'cd-tile', 'data-kpi': kpi},
    element('div', {'class': 'cd-tile-title'}, title),
    element('div', {'class': 'cd-tile-value'}, value));
}

function kpiRows(kpis, name) {
  return kpis.rows.filter(row => row.kpi === name && row.group === 'all');
}

function oneDecimal(value) {
  return value === null || value === undefined ? null : Number(value).toFixed(1);
}

function sumBy(rows, key, amount) {
  const sums = {};
  rows.forEach(row => {
    sums[row[key]] = (sums[row[key]] || 0) + Number(row[amount]);
  });
  return sums;
}

function totalsPerCurrency(rows, amount) {
  const sums = sumBy(rows, 'currency', amount);
  return Object.keys(sums).sort().map(currency => ({currency, value: sums[currency].toFixed(2)}));
}

function barChart(Chart, canvas, labels, datasets) {
  return new Chart(canvas, {
    type: 'bar',
    data: {labels, datasets},
    options: {animation: false, responsive: true, plugins: {legend: {display: datasets.length > 1}}}
  });
}

function section(title, id, ...content) {
  return element('section', {'class': 'cd-section', id}, element('h4', {}, title), ...content);
}

function efficiencyTable(activities) {
  const columns = activities.columns;
  const head = element('tr', {}, ...columns.map(column => element('th', {}, column)));
  const body = activities.rows.map(row =>
    element('tr', {}, ...columns.map(column => element('td', {}, row[column] === null ? '–' : String(row[column])))));
  return element('table', {'class': 'table table-condensed cd-efficiency'}, element('thead', {}, head),
    element('tbody', {}, ...body));
}

const styles = `
.cd-dashboard { margin: 0 0 20px; }
.cd-tiles { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
.cd-tile { border: 1px solid #ccc; border-radius: 4px; padding: 10px 14px; min-width: 170px; background: #fff; }
.cd-tile-title { font-size: 12px; color: #666; text-transform: uppercase; }
.cd-tile-value { font-size: 20px; font-weight: bold; }
.cd-charts { display: flex; flex-wrap: wrap; gap: 16px; }
.cd-chart { flex: 1 1 300px; max-width: 480px; }
.cd-error { color: #b5152b; }
`;

async function render(node) {
  node.innerHTML = '';
  const root = element('div', {'class': 'cd-dashboard'}, element('style', {}, styles),
    element('h3', {}, 'Collections'));
  node.append(root);
  try {
    // one summary of the open tickets, by status and owner, serves the tiles and both charts
    const [tickets, kpis, aging, activities, Chart] = await Promise.all([
      get('tickets?groupBy=status,owner'), get('kpis'), get('aging'), get('activities'), loadChartJs()]);
    const openTickets = tickets.rows.reduce((sum, row) => sum + row.tickets, 0);
    root.append(element('div', {'class': 'cd-tiles'},
      tile('open-tickets', 'Open tickets', String(openTickets)),
      tile('overdue-amount', 'Overdue amount', perCurrency(totalsPerCurrency(tickets.rows, 'overdueAmount'), row => row.value)),
      tile('dso', 'DSO (days, this month)', perCurrency(kpiRows(kpis, 'dso_standard'), row => oneDecimal(row.value))),
      tile('promise-kept-rate', 'Promise-kept rate %', perCurrency(kpiRows(kpis, 'promise_kept_rate'), row => oneDecimal(row.value))),
      tile('collection-rate', 'Collection rate % (30 days, this month)',
        perCurrency(kpiRows(kpis, 'collection_rate_30d'), row => oneDecimal(row.value)))));

    const agingCanvas = element('canvas', {id: 'cd-aging-chart'});
    const statusCanvas = element('canvas', {id: 'cd-status-chart'});
    const ownerCanvas = element('canvas', {id: 'cd-owner-chart'});
    root.append(element('div', {'class': 'cd-charts'},
      section('Aging (open receivables)', 'cd-aging', element('div', {'class': 'cd-chart'}, agingCanvas)),
      section('Open tickets by status', 'cd-status', element('div', {'class': 'cd-chart'}, statusCanvas)),
      section('Open tickets by owner', 'cd-owner', element('div', {'class': 'cd-chart'}, ownerCanvas))));
    root.append(section('Collector efficiency (this month)', 'cd-efficiency', efficiencyTable(activities)));

    const buckets = aging.columns.filter(column => column !== 'currency' && column !== 'total');
    barChart(Chart, agingCanvas, buckets,
      aging.rows.map(row => ({label: row.currency, data: buckets.map(bucket => Number(row[bucket]))})));
    const statuses = sumBy(tickets.rows, 'status', 'tickets');
    barChart(Chart, statusCanvas, Object.keys(statuses), [{label: 'tickets', data: Object.values(statuses)}]);
    const owners = sumBy(tickets.rows.map(row => ({...row, owner: row.owner || 'unassigned'})), 'owner', 'tickets');
    const ownerNames = Object.keys(owners).sort((a, b) => (a === 'unassigned') - (b === 'unassigned') || a.localeCompare(b));
    barChart(Chart, ownerCanvas, ownerNames, [{label: 'tickets', data: ownerNames.map(name => owners[name])}]);
  } catch (error) {
    root.append(element('p', {'class': 'cd-error'}, 'Collection reports are not available: ' + error.message));
  }
}

export default [{
  id: 'collection-desk-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 20,
  render: (node) => {
    render(node);
  }
}];
