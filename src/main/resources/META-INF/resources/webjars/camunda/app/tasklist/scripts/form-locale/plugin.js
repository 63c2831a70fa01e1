// Collection Desk: the task forms (Camunda Forms, form-js) show and read dates in the viewer's locale.
// form-js derives its date fields' format and placeholder from `new Intl.DateTimeFormat('default')`, the browser's
// interface language, not the viewer's own language setting (navigator.language, the first language the browser
// asks pages for, which the Debtor tab and the Cockpit pages format by): a collector whose browser is in English
// but set to en-GB or Bulgarian saw US mm/dd/yyyy. Here 'default' means the viewer's language; a formatter asked
// for an explicit locale is untouched. The form's value stays an ISO date (2026-12-08) whatever is shown.

const viewerLocale = (() => {
  const wanted = navigator.language || 'en';
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([wanted]).length ? wanted : 'default';
  } catch (notALanguageTag) {
    return 'default';
  }
})();

function viewers(locales) {
  return locales === 'default' ? viewerLocale : locales;
}

Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
  construct: (NativeFormat, [locales, options]) => new NativeFormat(viewers(locales), options),
  apply: (NativeFormat, self, [locales, options]) => NativeFormat(viewers(locales), options)
});

export default [];
