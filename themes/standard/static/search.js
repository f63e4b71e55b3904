// The search page: runs the form against the Pagefind index (pagefind.js), with filters, sort and results.
// The state lives in the address (?q=…&sort=nyast&nämnd=…), so a search can be linked, bookmarked and
// gone back to. Å, ä and ö are letters of their own (exactDiacritics), and a light Swedish suffix
// stripper lets "förskolan" find "förskolor": Pagefind then matches every word that begins with "förskol".
(function () {
  "use strict";
  var form = document.getElementById("sokformular");
  var panel = document.getElementById("sok");
  if (!form || !panel) return;
  var text = JSON.parse(document.getElementById("soktexter").textContent);
  var input = document.getElementById("sokord");
  var status = document.getElementById("sokstatus");
  var list = document.getElementById("sokresultat");
  var more = document.getElementById("flerresultat");
  var filterBox = document.getElementById("sokfilter");
  var clear = document.getElementById("rensafilter");
  var options = document.getElementById("sokval");
  var chosen = document.getElementById("valda");
  var region = document.getElementById("sokresultat").parentNode;
  var PAGE = 10;
  var ENDINGS = ["ornas", "arnas", "ernas", "orna", "arna", "erna", "ens", "ans", "or", "ar", "er", "an", "en", "et", "na", "a", "e"];
  var pagefind = null;
  var results = [];
  var shown = 0;
  var generation = 0;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  // Strip one Swedish inflectional ending from a plain word, keeping at least four letters.
  function stem(word) {
    if (!/^[a-zåäöéü]+$/i.test(word)) return word;
    var lower = word.toLocaleLowerCase("sv");
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (lower.length - ending.length >= 4 && lower.slice(-ending.length) === ending) {
        return lower.slice(0, -ending.length);
      }
    }
    return lower;
  }

  function searchTerm(query) {
    return query.trim().split(/\s+/).filter(Boolean).map(stem).join(" ");
  }

  function checkboxes() {
    return Array.prototype.slice.call(filterBox.querySelectorAll("input[type=checkbox]"));
  }

  function selectedFilters() {
    var selected = {};
    checkboxes().forEach(function (box) {
      if (box.checked) (selected[box.name] = selected[box.name] || []).push(box.value);
    });
    return selected;
  }

  // Values of one filter are alternatives (any of them); different filters narrow each other.
  function pagefindFilters(selected, except) {
    var filters = {};
    Object.keys(selected).forEach(function (key) {
      if (key !== except) filters[key] = { any: selected[key] };
    });
    return filters;
  }

  function sortOrder() {
    var checked = panel.querySelector("input[name=sort]:checked");
    return checked && checked.value === "nyast" ? { datum: "desc" } : null;
  }

  function stateToAddress(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    if (sortOrder()) params.set("sort", "nyast");
    var selected = selectedFilters();
    Object.keys(selected).forEach(function (key) {
      selected[key].forEach(function (value) { params.append(key, value); });
    });
    var address = window.location.pathname + (params.toString() ? "?" + params.toString() : "");
    window.history[push ? "pushState" : "replaceState"](null, "", address);
  }

  function addressToState() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    panel.querySelector(params.get("sort") === "nyast" ? "#sortera-nyast" : "#sortera-relevans").checked = true;
    checkboxes().forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) >= 0;
      if (box.checked) box.closest("details").open = true;
    });
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  function buildFilters(available) {
    text.filters.forEach(function (filter, f) {
      var key = filter[0];
      var values = Object.keys(available[key] || {});
      if (values.length < 2) return;
      values.sort(key === "år" ? function (a, b) { return b - a; } : function (a, b) { return a.localeCompare(b, "sv"); });
      var details = element("details", "filter");
      details.appendChild(element("summary", "", filter[1]));
      var fieldset = element("fieldset", "filter-values");
      fieldset.appendChild(element("legend", "visually-hidden", filter[1]));
      values.forEach(function (value, v) {
        var choice = element("div", "choice");
        var box = element("input");
        box.type = "checkbox";
        box.name = key;
        box.value = value;
        box.id = "filter-" + f + "-" + v;
        var label = element("label", "", value + " ");
        label.htmlFor = box.id;
        label.appendChild(element("span", "muted count", "(" + available[key][value] + ")"));
        choice.appendChild(box);
        choice.appendChild(label);
        fieldset.appendChild(choice);
      });
      details.appendChild(fieldset);
      filterBox.appendChild(details);
    });
  }

  // Each value's count is what choosing it would give: for a filter with a choice made, the counts
  // come from a search without that filter's own choices.
  function updateCounts(term, selected, counts) {
    var keys = Object.keys(selected);
    return Promise.all(keys.map(function (key) {
      return pagefind.search(term, { filters: pagefindFilters(selected, key) });
    })).then(function (searches) {
      var merged = Object.assign({}, counts);
      searches.forEach(function (search, i) { if (search) merged[keys[i]] = search.filters[keys[i]]; });
      checkboxes().forEach(function (box) {
        var count = box.parentNode.querySelector(".count");
        count.textContent = "(" + ((merged[box.name] || {})[box.value] || 0) + ")";
      });
    });
  }

  function renderResult(data) {
    var item = element("li", "result");
    var heading = element("h3");
    var link = element("a", "", data.meta.title);
    link.href = data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var meta = element("p", "result-meta");
    var where = data.meta["nämnd"] || data.meta.organisation;
    [data.meta.typ, where, data.meta.datum].forEach(function (value) {
      if (value) meta.appendChild(element("span", "", value));
    });
    if (data.meta.diarienummer) meta.appendChild(element("span", "", text.diarienummer + " " + data.meta.diarienummer));
    item.appendChild(meta);
    var excerpt = element("p", "result-excerpt");
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the page text and marks the matches with <mark>.
    item.appendChild(excerpt);
    return item;
  }

  function showMore(moveFocus) {
    var batch = results.slice(shown, shown + PAGE);
    var mine = generation;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (pages) {
      if (mine !== generation) return;
      var first = null;
      pages.forEach(function (data) {
        var node = renderResult(data);
        first = first || node;
        list.appendChild(node);
      });
      shown += batch.length;
      more.hidden = shown >= results.length;
      if (moveFocus && first) first.querySelector("a").focus();
    });
  }

  function describe(count, query, filtered) {
    if (count === 0) return filtered && !query ? text.noneFiltered : fill(text.none, { term: query });
    var counted = count === 1 ? text.countOne : fill(text.countMany, { count: count });
    return query ? fill(text.countFor, { count: counted, term: query }) : counted;
  }

  function runSearch() {
    // A heading copied from a page may carry its invisible soft hyphens (U+00AD): they are no part of a word.
    var query = input.value.replace(/\u00ad/g, "").trim();
    var filters = selectedFilters();
    var filtered = Object.keys(filters).length > 0;
    var count = checkboxes().filter(function (box) { return box.checked; }).length;
    clear.hidden = !filtered;
    chosen.textContent = count === 1 ? text.selectedOne : count ? fill(text.selected, { count: count }) : "";
    var mine = ++generation;
    results = [];
    shown = 0;
    list.textContent = "";
    more.hidden = true;
    region.setAttribute("aria-busy", "true");
    if (!query && !filtered) {
      status.textContent = text.empty;
      return done(mine);
    }
    status.textContent = text.searching;
    var term = query ? searchTerm(query) : null;
    var request = { filters: pagefindFilters(filters, null) };
    if (sortOrder()) request.sort = sortOrder();
    return pagefind.search(term, request).then(function (search) {
      if (mine !== generation || !search) return;
      results = search.results;
      status.textContent = describe(results.length, query, filtered);
      return Promise.all([showMore(false), updateCounts(term, filters, search.filters || {})]);
    }).then(function () { return done(mine); });
  }

  // Tell assistive technology (and the tests) that the results are complete.
  function done(mine) {
    if (mine === generation) region.setAttribute("aria-busy", "false");
  }

  function changed(push) {
    stateToAddress(push);
    runSearch();
  }

  function start(module) {
    pagefind = module;
    return pagefind.options({ exactDiacritics: true })
      .then(function () { return pagefind.filters(); })
      .then(function (available) {
        buildFilters(available);
        addressToState();
        if (window.matchMedia("(max-width: 47.99rem)").matches) options.open = false;
        panel.hidden = false;
        form.addEventListener("submit", function (event) { event.preventDefault(); changed(true); });
        panel.addEventListener("change", function () { changed(true); });
        more.addEventListener("click", function () { showMore(true); });
        clear.addEventListener("click", function () {
          checkboxes().forEach(function (box) { box.checked = false; });
          changed(true);
          input.focus();
        });
        window.addEventListener("popstate", function () { addressToState(); runSearch(); });
        return runSearch();
      });
  }

  import(form.getAttribute("data-bundle") + "pagefind.js").then(start).catch(function () {
    panel.hidden = false;
    status.textContent = text.failed;
    region.setAttribute("aria-busy", "false");
  });
})();
