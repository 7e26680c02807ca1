// The live-reload client of `careersite serve`, which adds it to every HTML
// page it serves. It listens to the server's events:
//
//   hello <generation>  the last build announced; reload when this page's differs
//   reload              reload the page
//   css <["/css/site.css", …]>  stylesheets changed: swap them without reloading
//   error <text>        show the build's errors over the page
//   ok                  the build is good again: remove the errors
(() => {
  "use strict";
  const overlayID = "careersite-errors";
  let generation = document.currentScript?.dataset.generation ?? "";
  const stylesheets = 'link[rel~="stylesheet"]:not([data-careersite-replaced])';
  const events = new EventSource("/_careersite/events");

  events.addEventListener("hello", (e) => {
    if (generation !== "" && e.data !== generation) location.reload();
  });
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("ok", (e) => {
    generation = e.lastEventId;
    hideErrors();
  });
  events.addEventListener("css", (e) => {
    generation = e.lastEventId;
    hideErrors();
    swapStylesheets(new Set(JSON.parse(e.data)));
  });
  // EventSource fires an "error" event of its own when the connection
  // drops; only the server's event of that name carries data.
  events.addEventListener("error", (e) => {
    if (typeof e.data === "string") showErrors(e.data);
  });

  // swapStylesheets fetches this page again and gives each of its
  // stylesheet links the new page's href and integrity: fingerprinted names
  // change with the content, and so does the integrity hash. The query
  // added to the href makes the browser fetch the file even when its name
  // stays the same. The new link is loaded beside the old one, which
  // goes once the new one applies, so the page never shows unstyled. When
  // the new page's stylesheets do not line up with this one's, it reloads.
  async function swapStylesheets(changed) {
    const res = await fetch(location.href, { cache: "no-store" });
    if (!res.ok) return location.reload();
    const fresh = new DOMParser().parseFromString(await res.text(), "text/html");
    const next = [...fresh.querySelectorAll(stylesheets)];
    const current = [...document.querySelectorAll(stylesheets)];
    if (next.length !== current.length) return location.reload();
    const stamp = String(Date.now());
    current.forEach((link, i) => {
      const url = new URL(next[i].getAttribute("href"), location.href);
      const old = new URL(link.getAttribute("href"), location.href);
      if (url.pathname === old.pathname && !changed.has(url.pathname)) return;
      url.searchParams.set("careersite", stamp);
      const copy = link.cloneNode();
      copy.removeAttribute("integrity");
      if (next[i].integrity) copy.integrity = next[i].integrity;
      copy.href = url.href;
      link.dataset.careersiteReplaced = "";
      copy.addEventListener("load", () => link.remove(), { once: true });
      copy.addEventListener("error", () => { copy.remove(); delete link.dataset.careersiteReplaced; }, { once: true });
      link.after(copy);
    });
  }

  // showErrors puts the text in an overlay, as text: it is never parsed as
  // HTML.
  function showErrors(text) {
    let box = document.getElementById(overlayID);
    if (!box) {
      box = document.createElement("div");
      box.id = overlayID;
      box.setAttribute("role", "alert");
      Object.assign(box.style, {
        position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
        padding: "2rem", background: "rgba(24, 24, 27, 0.95)", color: "#fafafa",
        font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      });
      const title = document.createElement("h2");
      title.textContent = "The site did not build";
      Object.assign(title.style, { margin: "0 0 1rem", color: "#fca5a5", font: "600 1.25rem system-ui, sans-serif" });
      const pre = document.createElement("pre");
      Object.assign(pre.style, { margin: "0", whiteSpace: "pre-wrap", font: "inherit" });
      const note = document.createElement("p");
      note.textContent = "The last good build is still served. Fix the file and save: this page updates by itself.";
      Object.assign(note.style, { margin: "1.5rem 0 0", color: "#a1a1aa", font: "0.9rem system-ui, sans-serif" });
      box.append(title, pre, note);
      document.body.append(box);
    }
    box.querySelector("pre").textContent = text;
  }

  function hideErrors() {
    document.getElementById(overlayID)?.remove();
  }
})();
