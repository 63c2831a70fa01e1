// Collection Desk dashboard, moved to the top of Cockpit's start page: KPI tiles, aging per currency, open tickets
// by status and owner, collector efficiency. Reads /api/reports/* (and the collectors list, to leave others out of
// the efficiency table) with the Cockpit login; charts by Chart.js (MIT), served by the application from its
// webjar, never from a CDN.
import {apiGet, contextPath, countOf, element, money, percent} from '../collection-desk/common.js';

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

function tile(kpi, title, value, note) {
  return element('div', {'class': 'cd-tile', 'data-kpi': kpi},
    element('div', {'class': 'cd-tile-title'}, title),
    element('div', {'class': 'cd-tile-value'}, value),
    note ? element('div', {'class': 'cd-tile-note'}, note) : null);
}

function kpiRows(kpis, name) {
  return kpis.rows.filter(row => row.kpi === name && row.group === 'all');
}

/**
 * One value per currency ("12.5 %", or "EUR 12.5 % · BGN 10.0 %" with several), or the reason there is none:
 * {@code empty} when the KPI has no row at all, {@code undefinedFor(row)} for a row whose value could not be computed.
 */
function perCurrency(rows, format, empty, undefinedFor) {
  const known = rows.filter(row => row.value !== null && row.value !== undefined);
  if (!known.length) {
    return {value: '–', note: rows.length ? undefinedFor(rows) : empty};
  }
  const several = rows.length > 1;
  return {value: known.map(row => (several && row.currency ? row.currency + ' ' : '') + format(row.value)).join(' · ')};
}

function kpiTile(kpi, title, shown) {
  return tile(kpi, title, shown.value, shown.note);
}

function sumBy(rows, key, amount) {
  const sums = {};
  rows.forEach(row => {
    sums[row[key]] = (sums[row[key]] || 0) + Number(row[amount]);
  });
  return sums;
}

// counts is true for charts of tickets: their axis ticks are whole numbers (Chart.js would draw 0.5 steps for 1 or 2)
function barChart(Chart, canvas, labels, datasets, counts) {
  const scales = counts ? {y: {beginAtZero: true, ticks: {precision: 0}}} : {};
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {labels, datasets},
    options: {animation: false, responsive: true, scales, plugins: {legend: {display: datasets.length > 1}}}
  });
  // a canvas keeps its axis to itself: the value axis' labels, for whoever inspects the page (and the browser test)
  canvas.setAttribute('data-value-ticks', chart.scales.y.ticks.map(tick => tick.label).join(' '));
  return chart;
}

function section(title, id, ...content) {
  return element('section', {'class': 'cd-section', id}, element('h4', {}, title), ...content);
}

// The activities report names its columns for machines; the table names them for people.
const FIXED_COLUMNS = {
  collector: 'Collector', tasksOpen: 'Open tasks', tasksOverdue: 'Overdue tasks', tasksCompleted: 'Tasks completed',
  averageCompletionHours: 'Average hours to complete', conversations: 'Conversations',
  promisesObtained: 'Promises obtained', promiseKeptRate: 'Promise-kept rate'
};
const CHANNELS = {CALL: 'Calls', SMS: 'SMS sent', EMAIL: 'Emails sent', LETTER: 'Letters sent', VOICE: 'Voice messages'};

function columnTitle(column) {
  if (FIXED_COLUMNS[column]) {
    return FIXED_COLUMNS[column];
  }
  if (column.startsWith('contacts_')) {
    const channel = column.substring('contacts_'.length);
    return CHANNELS[channel] || channel.toLowerCase() + ' contacts';
  }
  if (column.startsWith('collected_')) {
    return 'Collected (' + column.substring('collected_'.length) + ')';
  }
  return column;
}

function cellText(column, value) {
  if (value === null || value === undefined) {
    return column === 'promiseKeptRate' ? 'none due' : column === 'averageCompletionHours' ? 'none completed' : '–';
  }
  if (column === 'promiseKeptRate') {
    return percent(value);
  }
  if (column.startsWith('collected_')) {
    return money(value);
  }
  return String(value);
}

function efficiencyTable(activities, collectors) {
  const columns = activities.columns;
  const rows = activities.rows.filter(row => collectors.has(row.collector));
  if (!rows.length) {
    return element('p', {'class': 'cd-muted'}, 'No collector has worked a task or a contact this month yet.');
  }
  const head = element('tr', {}, ...columns.map(column => element('th', {'data-column': column}, columnTitle(column))));
  const body = rows.map(row => element('tr', {'data-collector': row.collector},
    ...columns.map(column => element('td', {'class': column === 'collector' ? '' : 'text-right'}, cellText(column, row[column])))));
  return element('table', {'class': 'table table-condensed cd-efficiency'}, element('thead', {}, head),
    element('tbody', {}, ...body));
}

/** Members of the collectors group; without access to that list, everyone but the system itself. */
function collectorsOf(activities) {
  return apiGet('collectors')
    .then(collectors => new Set(collectors.map(collector => collector.userId)))
    .catch(() => new Set(activities.rows.map(row => row.collector).filter(name => name !== 'system')));
}

/**
 * Cockpit renders dashboard plugins in a "Plugins" section at the bottom of its start page; this one belongs on top.
 * Cockpit may call render before it attaches the node, so this runs once the node is in the page.
 */
function moveToTop(node, attempts = 50) {
  const section = node.closest('section.deprecate');
  if (!section && !node.isConnected && attempts > 0) {
    setTimeout(() => moveToTop(node, attempts - 1), 100);
    return;
  }
  const dashboard = section && section.parentElement;
  if (dashboard && dashboard.firstElementChild !== section) {
    dashboard.insertBefore(section, dashboard.firstElementChild);
  }
  if (section) {
    section.classList.add('cd-collections');
  }
}

const styles = `
.cd-collections > .inner > header { display: none; }
.cd-dashboard { margin: 0 0 20px; }
.cd-dashboard > h3 { margin-top: 0; }
.cd-tiles { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
.cd-tile { border: 1px solid #ccc; border-radius: 4px; padding: 10px 14px; min-width: 190px; max-width: 320px; background: #fff; }
.cd-tile-title { font-size: 12px; color: #666; text-transform: uppercase; }
.cd-tile-value { font-size: 20px; font-weight: bold; }
.cd-tile-note { font-size: 12px; color: #666; }
.cd-charts { display: flex; flex-wrap: wrap; gap: 16px; }
.cd-chart { flex: 1 1 300px; max-width: 480px; }
.cd-muted { color: #666; }
.cd-error { color: #b5152b; }
`;

/** The debtor's page this month: links sent and opened, actions taken, money paid through it, plans approved and broken, tickets no collector worked. */
function selfServiceTiles(kpis) {
  const count = name => kpiRows(kpis, name).reduce((sum, row) => sum + Number(row.value || 0), 0);
  const sent = count('self_service_links_sent');
  const paid = kpiRows(kpis, 'self_service_paid').map(row => money(row.value, row.currency));
  return section('Self-service, this month', 'cd-self-service', element('div', {'class': 'cd-tiles'},
    tile('self-service-links', 'Links sent / opened', sent + ' / ' + count('self_service_links_opened'),
      sent ? null : 'no messages with a link this month yet'),
    kpiTile('self-service-open-rate', 'Links opened', perCurrency(kpiRows(kpis, 'self_service_open_rate'), percent,
      'no links sent this month yet', () => 'no links sent this month yet')),
    tile('self-service-actions', 'Actions on the page', String(count('self_service_actions')),
      kpiRows(kpis, 'self_service_actions').length ? null : 'none yet'),
    tile('self-service-paid', 'Paid through the page', paid.length ? paid.join(' · ') : '–', paid.length ? null : 'nothing yet'),
    tile('self-service-plans', 'Payment plans approved / broken', count('self_service_plans_approved') + ' / '
      + count('self_service_plans_broken'), null),
    kpiTile('resolved-without-collector', 'Paid without a collector', perCurrency(kpiRows(kpis, 'resolved_without_collector_share'),
      percent, 'no tickets paid this month yet', () => 'no tickets paid this month yet'))));
}

async function render(node) {
  node.innerHTML = '';
  moveToTop(node);
  const root = element('div', {'class': 'cd-dashboard'}, element('style', {}, styles),
    element('h3', {}, 'Collections'));
  node.append(root);
  try {
    // one summary of the open tickets, by status and owner, serves the tiles and both ticket charts
    const [tickets, kpis, aging, activities, Chart] = await Promise.all([
      apiGet('reports/tickets?groupBy=status,owner'), apiGet('reports/kpis'), apiGet('reports/aging'),
      apiGet('reports/activities'), loadChartJs()]);
    const collectors = await collectorsOf(activities);
    const openTickets = tickets.rows.reduce((sum, row) => sum + row.tickets, 0);
    const overdue = Object.entries(sumBy(tickets.rows, 'currency', 'overdueAmount')).sort()
      .map(([currency, value]) => money(value, currency));
    const pending = () => {
      const count = kpiRows(kpis, 'promises_pending').reduce((sum, row) => sum + Number(row.value), 0);
      return countOf(count, 'promise', 'promises') + ' due, still inside ' + (count === 1 ? 'its' : 'their') + ' grace days';
    };
    root.append(element('div', {'class': 'cd-tiles'},
      tile('open-tickets', 'Open tickets', String(openTickets), openTickets ? null : 'no open tickets'),
      tile('overdue-amount', 'Overdue amount', overdue.length ? overdue.join(' · ') : '–',
        overdue.length ? null : 'nothing overdue on open tickets'),
      kpiTile('dso', 'DSO, this month', perCurrency(kpiRows(kpis, 'dso_standard'), value => Number(value).toFixed(1) + ' days',
        'no receivables yet', () => 'no invoices issued this month yet')),
      kpiTile('promise-kept-rate', 'Promise-kept rate, this month', perCurrency(kpiRows(kpis, 'promise_kept_rate'), percent,
        'no promises due yet this month', pending)),
      kpiTile('collection-rate', 'Collection rate, 30 days', perCurrency(kpiRows(kpis, 'collection_rate_30d'), percent,
        'no tickets opened this month yet', () => 'nothing was outstanding when this month\'s tickets opened'))));

    const buckets = aging.columns.filter(column => column !== 'currency' && column !== 'total');
    const agingCharts = aging.rows.map(row => {
      const canvas = element('canvas', {'class': 'cd-aging-chart', 'data-currency': row.currency});
      return {row, canvas, node: section('Aging, ' + row.currency + ' (open receivables ' + money(row.total, row.currency) + ')',
        'cd-aging-' + row.currency, element('div', {'class': 'cd-chart'}, canvas))};
    });
    const statusCanvas = element('canvas', {id: 'cd-status-chart'});
    const ownerCanvas = element('canvas', {id: 'cd-owner-chart'});
    root.append(element('div', {'class': 'cd-charts'},
      ...(agingCharts.length ? agingCharts.map(chart => chart.node)
        : [section('Aging', 'cd-aging', element('p', {'class': 'cd-muted'}, 'no open receivables'))]),
      section('Open tickets by status', 'cd-status', element('div', {'class': 'cd-chart'}, statusCanvas)),
      section('Open tickets by owner', 'cd-owner', element('div', {'class': 'cd-chart'}, ownerCanvas))));
    root.append(section('Collector efficiency, this month', 'cd-efficiency', efficiencyTable(activities, collectors)));
    root.append(selfServiceTiles(kpis));

    agingCharts.forEach(({row, canvas}) => barChart(Chart, canvas, buckets,
      [{label: row.currency, data: buckets.map(bucket => Number(row[bucket]))}]));
    const statuses = sumBy(tickets.rows, 'status', 'tickets');
    barChart(Chart, statusCanvas, Object.keys(statuses), [{label: 'tickets', data: Object.values(statuses)}], true);
    const owners = sumBy(tickets.rows.map(row => ({...row, owner: row.owner || 'unassigned'})), 'owner', 'tickets');
    const ownerNames = Object.keys(owners).sort((a, b) => (a === 'unassigned') - (b === 'unassigned') || a.localeCompare(b));
    barChart(Chart, ownerCanvas, ownerNames, [{label: 'tickets', data: ownerNames.map(name => owners[name])}], true);
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
