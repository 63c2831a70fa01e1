// Shared by Collection Desk's Cockpit plugins: calls to the service's /api with the Cockpit login, DOM building and
// number formats. Reads need only the login; writes also send the webapps' CSRF token (security.WebappSession).

const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
export const contextPath = appRoot.replace(/\/camunda\/?$/, '');

/** A refused call: the problem+json answer's detail and the field it names, if any. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('answered ' + status));
    this.status = status;
    this.field = problem.field;
  }
}

async function answer(response) {
  const body = await response.text();
  const json = body ? JSON.parse(body) : null;
  if (!response.ok) {
    throw new ApiProblem(response.status, json || {});
  }
  return json;
}

// X-Requested-With: a refused call answers its problem at once; with HTTP Basic's challenge the browser would hold the
// call behind a login dialog and the page would wait for ever (ApiAuthenticationFilter)
const SCRIPT = {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'};

/** The problem's reason without the field it names ("endsOn: is not after today" -> "is not after today"). */
export function fieldReason(problem) {
  return problem.field && problem.message.startsWith(problem.field + ': ')
    ? problem.message.substring(problem.field.length + 2) : problem.message;
}

export function apiGet(path) {
  return fetch(contextPath + '/api/' + path, {credentials: 'same-origin', headers: SCRIPT}).then(answer);
}

export function apiSend(method, path, body, csrfToken) {
  return fetch(contextPath + '/api/' + path, {
    method,
    credentials: 'same-origin',
    headers: {...SCRIPT, 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken},
    body: JSON.stringify(body)
  }).then(answer);
}

export function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().filter(child => child !== null && child !== undefined).forEach(child => node.append(child));
  return node;
}

export function query(parameters) {
  const given = Object.entries(parameters).filter(([, value]) => value !== null && value !== undefined && value !== '');
  return given.map(([name, value]) => encodeURIComponent(name) + '=' + encodeURIComponent(value)).join('&');
}

/** A count with its noun in the right number: "1 ticket", "3 tickets". */
export function countOf(count, one, many) {
  return count + ' ' + (count === 1 ? one : many);
}

const locale = navigator.language || 'en';

/** An amount with its currency, in the viewer's locale: "1,234.50 EUR". */
export function money(amount, currency) {
  const formatted = Number(amount).toLocaleString(locale, {minimumFractionDigits: 2, maximumFractionDigits: 2});
  return currency ? formatted + ' ' + currency : formatted;
}

/** A percentage from a value already in percent: 12.5 -> "12.5 %". */
export function percent(value) {
  return Number(value).toLocaleString(locale, {minimumFractionDigits: 1, maximumFractionDigits: 1}) + ' %';
}

export function dateTime(instant) {
  return instant ? new Date(instant).toLocaleString(locale, {dateStyle: 'medium', timeStyle: 'short'}) : '';
}

/** Cockpit's own page layout for a plugin route: a padded, scrolling view. */
export const pageStyles = `
.cd-page { padding: 20px 30px; overflow: auto; height: 100%; }
.cd-page h2 { margin-top: 0; }
.cd-page table { background: #fff; }
.cd-page .cd-muted { color: #666; }
.cd-page .cd-error, .cd-dashboard .cd-error { color: #b5152b; }
.cd-page .cd-ok { color: #2a7a2a; font-weight: bold; }
.cd-page .cd-form-row { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; margin-bottom: 12px; }
.cd-page .cd-form-row label { display: flex; flex-direction: column; font-weight: normal; margin: 0; }
.cd-page .cd-field-error { color: #b5152b; font-size: 12px; min-height: 16px; }
.cd-page .cd-form-row .cd-field-error { max-width: 24em; }
.cd-page .cd-check { font-weight: normal; white-space: nowrap; }
`;
