// "Debtor (name or phone)" in Tasklist's search box, and the default criterion for what a collector types there.
// Every task of a ticket carries the task variable debtorSearch: the debtor's name lower-case without accents,
// the phone in E.164 and as national digits, the e-mail (ShowTicketFactsDelegate). The criterion sends the typed
// text normalized the same way as a "like" on that variable, so "José", "jose" and "0888 123 456" all find it.
// Tasklist's search types are fixed in its bundle: the criterion is added to the search widget's types before it
// links (an AngularJS directive decorator), and its query key is turned into the variable query on the way out.

const TYPE_KEY = 'debtorSearch';
const QUERY_KEY = TYPE_KEY + 'Like';
const VARIABLE = 'debtorSearch';
const LABEL = 'Debtor (name or phone)';

const debtorType = {
  id: {key: TYPE_KEY, value: LABEL},
  operators: [{key: 'Like', value: 'contains'}],
  enforceString: true,
  default: true
};

/** The typed text as the variable holds it: accents off and lower-case, or a phone's digits (with its "+"). */
export function normalizeTerm(typed) {
  const text = String(typed).replace(/^%|%$/g, '').trim();
  if (/^[+(]?[0-9][0-9 ()./-]{4,}$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    return text.startsWith('+') ? '+' + digits : text.startsWith('00') ? '+' + digits.substring(2) : digits;
  }
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/\s+/g, ' ').toLowerCase();
}

function escapeLike(text) {
  return text.replace(/[\\%_]/g, match => '\\' + match);
}

function rewrite(query) {
  if (!query || typeof query !== 'object') {
    return;
  }
  if (query[QUERY_KEY] !== undefined) {
    query.taskVariables = (query.taskVariables || []).concat(
      [{name: VARIABLE, operator: 'like', value: '%' + escapeLike(normalizeTerm(query[QUERY_KEY])) + '%'}]);
    delete query[QUERY_KEY];
  }
  (query.orQueries || []).forEach(rewrite);
}

function addDebtorType(types) {
  if (!types.some(type => type.id.key === TYPE_KEY)) {
    types.forEach(type => { type.default = false; });
    types.unshift(debtorType);
  }
}

const angular = window.angular;
if (angular && !window.collectionDeskDebtorSearch) {
  window.collectionDeskDebtorSearch = true;
  angular.module('cam.tasklist')
    .config(['$provide', function ($provide) {
      $provide.decorator('camWidgetSearchDirective', ['$delegate', function ($delegate) {
        const directive = $delegate[0];
        const link = directive.link;
        directive.compile = function () {
          return function (scope) {
            // only Tasklist's task search (storage group TLT), not other search widgets
            if (scope.storageGroup === 'TLT' && Array.isArray(scope.types)) {
              addDebtorType(scope.types);
            }
            return link.apply(this, arguments);
          };
        };
        return $delegate;
      }]);
    }])
    .run(['camAPIHttpClient', function (HttpClient) {
      const post = HttpClient.prototype.post;
      HttpClient.prototype.post = function (path, options) {
        if (options && /filter\/[^/]+\/(list|count)|(^|\/)task(\/count)?(\?|$)/.test(path)) {
          rewrite(options.data);
        }
        return post.call(this, path, options);
      };
    }]);
}

export default [];
