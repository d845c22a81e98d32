// Search on the search page, as the reader types. Progressive enhancement:
// without this script the page lists everything A–Z and every link works.
// It loads the page's JSON index (public content only, built by Hugo) from
// the same site, and writes results with textContent only, never as HTML.
(function () {
  "use strict";
  var form = document.querySelector("form.search[data-index]");
  var input = document.getElementById("search-q");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var all = document.getElementById("search-all");
  if (!form || !input || !results || !status || !form.dataset.index || !window.fetch) {
    return;
  }
  var entries = null;

  // fold lower-cases a text and takes off accents, so "categorieen" finds
  // "categorieën".
  function fold(s) {
    return String(s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function score(e, terms) {
    var title = fold(e.t);
    var text = title + " " + fold(e.k) + " " + fold(e.s) + " " + fold(e.x);
    var n = 0;
    for (var i = 0; i < terms.length; i++) {
      if (text.indexOf(terms[i]) < 0) {
        return 0;
      }
      n += title.indexOf(terms[i]) >= 0 ? 3 : 1;
    }
    return n;
  }

  function say(count) {
    var msg = count === 0 ? form.dataset.nothing : count === 1 ? form.dataset.foundSingle : form.dataset.foundCount;
    status.textContent = msg.replace("{n}", String(count));
  }

  function show() {
    var q = fold(input.value).trim();
    results.textContent = "";
    if (!q || !entries) {
      results.hidden = true;
      status.textContent = "";
      if (all) { all.hidden = false; }
      return;
    }
    var terms = q.split(/\s+/);
    var found = [];
    entries.forEach(function (e, i) {
      var s = score(e, terms);
      if (s > 0) { found.push({ e: e, s: s, i: i }); }
    });
    found.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    found.slice(0, 50).forEach(function (f) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = f.e.u;
      a.textContent = f.e.t;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "hint";
      kind.textContent = " " + f.e.k;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(kind);
      if (f.e.s) {
        li.appendChild(document.createElement("br"));
        li.appendChild(document.createTextNode(f.e.s));
      }
      results.appendChild(li);
    });
    results.hidden = found.length === 0;
    if (all) { all.hidden = true; }
    say(found.length);
  }

  fetch(form.dataset.index, { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (data) {
      entries = data;
      var q = new URLSearchParams(window.location.search).get("q");
      if (q && !input.value) { input.value = q; }
      show();
    })
    .catch(function () { /* the A–Z list stays: the page works as without script */ });

  input.addEventListener("input", show);
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    show();
    if (window.history && history.replaceState) {
      var u = new URL(window.location.href);
      u.searchParams.set("q", input.value);
      history.replaceState(null, "", u.pathname + u.search);
    }
  });
}());
