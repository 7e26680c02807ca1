/* careersite search client. search-boot.js loads it when the header's
   search box first gets focus, or at once on the search page. It reads the
   static index that the build writes under search/ (internal/search: the
   format, and a Go reference of this ranking that the tests compare with),
   fetching the manifest, then only the term shards and record chunks a
   query needs. Results are built with textContent: no data becomes HTML. */
(() => {
  'use strict';
  const d = document;
  const form = d.querySelector('form[data-search-index]');
  if (!form || window.careersiteSearch) return;

  /* Analysis: the same as internal/search (Fold, Words, Term, Stem); plain
     is the rules of a language without a stemmer (the manifest's plain). */
  const FOLD = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ς': 'σ' };
  const fold = s => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[ßæœøłđðþıς]/g, c => FOLD[c]);
  const WORD = /[\p{L}\p{N}]+/gu;
  const STOP = new Set('a an and are as at be by for from has have in is of on or s t that the this to was were will with you your'.split(' '));

  const cons = (w, i) => !'aeiou'.includes(w[i]) && (w[i] !== 'y' || i === 0 || !cons(w, i - 1));
  const measure = w => {
    let m = 0, v = false;
    for (let i = 0; i < w.length; i++) {
      if (cons(w, i)) { if (v) m++; v = false; } else v = true;
    }
    return m;
  };
  const hasVowel = w => [...w].some((_, i) => !cons(w, i));
  const cvc = w => {
    const n = w.length;
    return n >= 3 && cons(w, n - 3) && !cons(w, n - 2) && cons(w, n - 1) && !'wxy'.includes(w[n - 1]);
  };
  const STEP2 = [['ational', 'ate'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']];
  const stem = w => {
    if (w.length <= 2) return w;
    if (w.endsWith('sses') || w.endsWith('ies')) w = w.slice(0, -2);
    else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    if (w.endsWith('eed')) {
      if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
    } else {
      const s = w.endsWith('ed') && hasVowel(w.slice(0, -2)) ? w.slice(0, -2)
        : w.endsWith('ing') && hasVowel(w.slice(0, -3)) ? w.slice(0, -3) : null;
      if (s !== null) {
        const n = s.length;
        w = /(at|bl|iz)$/.test(s) ? s + 'e'
          : n >= 2 && s[n - 1] === s[n - 2] && cons(s, n - 1) && !'lsz'.includes(s[n - 1]) ? s.slice(0, -1)
          : measure(s) === 1 && cvc(s) ? s + 'e' : s;
      }
    }
    if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i';
    for (const [suffix, to] of STEP2) {
      if (w.endsWith(suffix)) {
        const s = w.slice(0, -suffix.length);
        if (measure(s) > 0) w = s + to;
        break;
      }
    }
    if (w.endsWith('e')) {
      const s = w.slice(0, -1), m = measure(s);
      if (m > 1 || m === 1 && !cvc(s)) w = s;
    }
    if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1);
    return w;
  };
  const term = (w, plain) => [...w].length > 40 || !plain && STOP.has(w) ? '' : !plain && /^[a-z]+$/.test(w) ? stem(w) : w;
  const terms = (text, plain) => (fold(text).match(WORD) || []).map(w => term(w, plain)).filter(Boolean);

  /* A query's tokens: a term is also a prefix from 3 code points, or from 2
     for the last word, the one being typed. */
  const tokens = (q, plain) => {
    const words = fold(q).match(WORD) || [], out = [];
    words.forEach((w, i) => {
      const t = term(w, plain), n = [...t].length;
      if (t && !out.some(o => o.t === t)) out.push({ t, p: n >= 3 || n === 2 && i === words.length - 1 });
    });
    return out;
  };

  /* Files, each fetched once; the manifest is revalidated, since its name
     does not change when the site is published again. */
  const indexURL = new URL(form.dataset.searchIndex, location.href);
  const siteURL = new URL('../', indexURL);
  const cache = new Map();
  const get = (name, fresh) => {
    if (!cache.has(name)) {
      const p = fetch(new URL(name, indexURL), fresh ? { cache: 'no-cache' } : {})
        .then(r => { if (!r.ok) throw Error(`${name}: HTTP ${r.status}`); return r.json(); });
      p.catch(() => cache.delete(name));
      cache.set(name, p);
    }
    return cache.get(name);
  };
  const manifest = () => get('index.json', true);
  const find = (keys, t) => {
    let lo = 0, hi = keys.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (keys[2 * mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const shard = (M, i) => get(`t/${M.shards[2 * i + 1]}.json`);

  /* The best score of each page for one token (see Index.Search). */
  const tokenScores = async (M, tok) => {
    const first = find(M.shards, tok.t);
    const last = Math.min(find(M.shards, tok.p ? tok.t + '\uffff' : tok.t), first + 2);
    const best = new Map();
    const shards = [];
    for (let i = first; i <= last; i++) shards.push(shard(M, i));
    for (const sh of await Promise.all(shards)) {
      for (const t of Object.keys(sh)) {
        const w = t === tok.t ? 1 : tok.p && t.startsWith(tok.t) ? 0.7 : 0;
        if (!w) continue;
        const p = sh[t], df = p.length / 2;
        const idf = Math.log(1 + (M.n - df + 0.5) / (df + 0.5));
        for (let j = 0, id = 0; j < p.length; j += 2) {
          id += p[j];
          const tf = p[j + 1] / M.scale, s = w * idf * tf * (M.k1 + 1) / (tf + M.k1);
          if (!(best.get(id) >= s)) best.set(id, s);
        }
      }
    }
    return best;
  };

  const filterIDs = async (M, t) => {
    const ids = new Set();
    let id = 0;
    for (const x of (await shard(M, find(M.shards, t)))[t] || []) ids.add(id += x);
    return ids;
  };

  /* search returns {total, results, toks, plain}: every page with all the words
     (else those with the most of them), best first, the first limit of them
     with their records. */
  const search = async (q, kind, skill, limit) => {
    const M = await manifest(), toks = tokens(q, M.plain);
    const per = await Promise.all(toks.map(t => tokenScores(M, t)));
    const score = new Map(), hits = new Map();
    for (const best of per) {
      for (const [id, s] of best) {
        score.set(id, (score.get(id) || 0) + s);
        hits.set(id, (hits.get(id) || 0) + 1);
      }
    }
    for (const [pre, v] of [[':k:', kind], [':s:', skill]]) {
      if (!v) continue;
      const ids = await filterIDs(M, pre + v);
      for (const id of [...score.keys()]) if (!ids.has(id)) score.delete(id);
    }
    let most = 0;
    for (const id of score.keys()) most = Math.max(most, hits.get(id));
    const found = [...score].filter(([id]) => hits.get(id) === most).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const results = await Promise.all(found.slice(0, limit).map(async ([id]) => {
      const r = (await get(`r/${M.records[Math.floor(id / M.chunk)]}.json`))[id % M.chunk];
      return { url: new URL(r[0], siteURL).href, title: r[1], kind: M.kinds[r[2]], summary: r[3] };
    }));
    return { total: found.length, results, toks, plain: M.plain };
  };

  /* el gets text, with the words that match a token in <mark>. */
  const highlight = (el, text, toks, plain) => {
    let at = 0;
    for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      const t = term(fold(m[0]), plain);
      if (t && toks.some(k => t === k.t || k.p && t.startsWith(k.t))) {
        const mark = d.createElement('mark');
        mark.textContent = m[0];
        el.append(text.slice(at, m.index), mark);
        at = m.index + m[0].length;
      }
    }
    el.append(text.slice(at));
  };
  const el = (tag, cls, text) => {
    const e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  /* The words of the page's language, from the form's data-words-*
     attributes (the theme's T strings search_*): "{0}" and "{1}" stand
     for what fills them. */
  const say = (name, ...args) => (form.dataset[name] || '').replace(/\{(\d)\}/g, (_, i) => args[i]);
  const count = n => n === 1 ? say('wordsResult') : say('wordsResults', n);
  const debounce = (f, ms) => {
    let timer;
    return () => { clearTimeout(timer); timer = setTimeout(f, ms); };
  };

  /* The header's combobox (the ARIA 1.2 combobox pattern with a listbox
     popup): typing shows the best pages as options; Down and Up move
     through them (aria-activedescendant), Enter opens the active one (or,
     with none, submits the form to the search page), Escape closes the
     list, then clears the box. */
  const box = form.querySelector('[role="combobox"]');
  const list = d.getElementById(box.getAttribute('aria-controls'));
  const status = form.querySelector('[role="status"]');
  let options = [], active = -1, asked = 0;
  const show = on => {
    list.hidden = !on;
    box.setAttribute('aria-expanded', String(on));
    if (!on) select(-1);
  };
  const select = i => {
    active = i;
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === i)));
    if (i < 0) box.removeAttribute('aria-activedescendant');
    else {
      box.setAttribute('aria-activedescendant', options[i].id);
      options[i].scrollIntoView({ block: 'nearest' });
    }
  };
  const option = (i, href) => {
    const o = el('li', 'search-option');
    o.id = `${list.id}-${i}`;
    o.setAttribute('role', 'option');
    o.setAttribute('aria-selected', 'false');
    o.dataset.href = href;
    return o;
  };
  const suggest = async () => {
    const q = box.value.trim(), n = ++asked;
    if (!q) {
      show(false);
      status.textContent = '';
      return;
    }
    let res;
    try {
      res = await search(q, '', '', 8);
    } catch (e) {
      if (n === asked) status.textContent = say('wordsUnavailable');
      throw e;
    }
    if (n !== asked) return;
    options = res.results.map((r, i) => {
      const o = option(i, r.url);
      o.append(el('span', 'search-option__kind', r.kind[1]));
      const title = el('span', 'search-option__title');
      highlight(title, r.title, res.toks, res.plain);
      const summary = el('span', 'search-option__summary');
      highlight(summary, r.summary, res.toks, res.plain);
      o.append(title, summary);
      return o;
    });
    const all = option(options.length, `${form.action}?q=${encodeURIComponent(q)}`);
    all.classList.add('search-option--all');
    all.textContent = res.total ? say('wordsAll', count(res.total), q) : say('wordsNoneFor', q);
    options.push(all);
    list.replaceChildren(...options);
    select(-1);
    show(d.activeElement === box);
    status.textContent = res.total ? say('wordsArrows', count(res.total)) : say('wordsNone');
  };
  const typed = debounce(suggest, 120);
  const go = o => { location.href = o.dataset.href; };
  box.addEventListener('input', typed);
  box.addEventListener('focus', () => { if (options.length && box.value.trim()) show(true); });
  box.addEventListener('keydown', e => {
    const n = options.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        if (!n) return;
        e.preventDefault();
        if (list.hidden) show(true);
        select(e.key === 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1);
        break;
      case 'Enter':
        if (!list.hidden && active >= 0) {
          e.preventDefault();
          go(options[active]);
        }
        break;
      case 'Escape':
        if (!list.hidden) show(false);
        else {
          box.value = '';
          options = [];
          status.textContent = '';
        }
        e.preventDefault();
        break;
    }
  });
  // Enter on an option must open it even where the key also submits the form.
  form.addEventListener('submit', e => {
    if (!list.hidden && active >= 0) {
      e.preventDefault();
      go(options[active]);
    }
  });
  list.addEventListener('pointerdown', e => e.preventDefault()); // keep the focus in the box
  list.addEventListener('click', e => {
    const o = e.target.closest('[role="option"]');
    if (o) go(o);
  });
  form.addEventListener('focusout', e => { if (!form.contains(e.relatedTarget)) show(false); });
  if (box.value.trim() && d.activeElement === box) suggest();

  /* The search page: its form, read from and written to ?q=&kind=&skill=. */
  const page = d.querySelector('form[data-search-page]');
  if (page) {
    const q = page.elements.q, kind = page.elements.kind, skill = page.elements.skill;
    const out = d.getElementById(page.dataset.results), said = d.getElementById(page.dataset.status);
    const more = el('button', 'search-more', say('wordsMore'));
    more.type = 'button';
    more.hidden = true;
    out.after(more);
    let shown = 20, n = 0;
    const fill = (select, rows) => {
      for (const [value, label] of rows) select.append(new Option(label, value));
    };
    const run = async () => {
      const k = ++n, text = q.value.trim();
      const params = new URLSearchParams();
      for (const [name, v] of [['q', text], ['kind', kind.value], ['skill', skill.value]]) if (v) params.set(name, v);
      history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
      if (!text) {
        out.replaceChildren();
        said.textContent = '';
        more.hidden = true;
        return;
      }
      const res = await search(text, kind.value, skill.value, shown);
      if (k !== n) return;
      out.replaceChildren(...res.results.map(r => {
        const li = el('li', 'search-result');
        li.append(el('p', 'search-result__kind', r.kind[1]));
        const h = el('h2', 'search-result__title'), a = el('a');
        a.href = r.url;
        highlight(a, r.title, res.toks, res.plain);
        h.append(a);
        const p = el('p', 'search-result__summary');
        highlight(p, r.summary, res.toks, res.plain);
        li.append(h, p);
        return li;
      }));
      more.hidden = res.total <= shown;
      said.textContent = res.total ? say('wordsFor', count(res.total), text) : say('wordsNoneFor', text);
    };
    const params = new URLSearchParams(location.search);
    q.value = params.get('q') || '';
    manifest().then(async M => {
      fill(kind, M.kinds);
      fill(skill, (await get(`s/${M.skills}.json`)).map(([key, name, pages]) => [key, `${name} (${pages})`]));
      kind.value = params.get('kind') || '';
      skill.value = params.get('skill') || '';
      page.querySelector('.search-page__filters').hidden = false;
      await run();
    }).catch(e => {
      said.textContent = say('wordsUnavailable');
      throw e;
    });
    const rerun = debounce(() => { shown = 20; run(); }, 150);
    q.addEventListener('input', rerun);
    kind.addEventListener('change', rerun);
    skill.addEventListener('change', rerun);
    page.addEventListener('submit', e => { e.preventDefault(); shown = 20; run(); });
    more.addEventListener('click', () => { shown += 20; run(); });
  }

  window.careersiteSearch = { terms, search };
})();
