/* Loads the search client (search.js) only when it is needed: when the
   header's search box first gets focus, or at once on the search page.
   The form names the client's URL and integrity in data attributes. */
(() => {
  const form = document.querySelector('form[data-search-script]');
  if (!form) return;
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    const s = document.createElement('script');
    s.src = form.dataset.searchScript;
    s.integrity = form.dataset.searchIntegrity;
    document.head.append(s);
  };
  form.addEventListener('focusin', load);
  if (document.querySelector('form[data-search-page]')) load();
})();
