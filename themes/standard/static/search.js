// The search page: runs the form against the Pagefind index, with filters, sort and results.
// The index is one bundle per group of years (pagefind/bundles.json lists them, newest first; the newest
// is pagefind/ itself), merged with Pagefind's mergeIndex. The state lives in the address (?q=…&sort=nyast&nämnd=…), so a search can be
// linked, bookmarked and gone back to. Å, ä and ö are letters of their own (exactDiacritics), and a light
// Swedish suffix stripper lets "förskolan" find "förskolor": Pagefind then matches every word that begins
// with "förskol".
//
// What a first search loads is kept small: no web worker (Pagefind's worker is a second copy of its
// script), and the filters' page lists only when a filter is opened or chosen (until then the values come
// from bundles.json, without counts). Each bundle's metadata names its pages by their rank by date and has
// no sort of Pagefind's (generator/outputs/pagefind_names.py): "newest first" orders by those names.
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
  var bundle = form.getAttribute("data-bundle");
  var base = bundle.slice(0, bundle.length - "pagefind/".length);
  var PAGE = 10;
  var ENDINGS = ["ornas", "arnas", "ernas", "orna", "arna", "erna", "ens", "ans", "or", "ar", "er", "an", "en", "et", "na", "a", "e"];
  var pagefind = null;
  var bundles = [];
  var years = [];
  // Set once the filters' page lists are loaded: counts are shown from then on.
  var counting = null;
  // The search shown: its term and filters.
  var current = null;
  // Where its results come from (see relevance() and newest()).
  var source = null;
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

  function newestFirst() {
    var checked = panel.querySelector("input[name=sort]:checked");
    return checked && checked.value === "nyast";
  }

  function stateToAddress(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    if (newestFirst()) params.set("sort", "nyast");
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
      var values = (available[key] || []).slice();
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
        label.appendChild(element("span", "muted count"));
        choice.appendChild(box);
        choice.appendChild(label);
        fieldset.appendChild(choice);
      });
      details.appendChild(fieldset);
      details.addEventListener("toggle", function () {
        if (details.open && !counting) showCounts();
      });
      filterBox.appendChild(details);
    });
  }

  // The counts need every filter's page lists: load them when a filter is opened or chosen.
  function wantCounts() {
    return Object.keys(selectedFilters()).length > 0 ||
      filterBox.querySelector("details[open]") !== null;
  }

  function loadCounts() {
    if (!counting) counting = pagefind.filters();
    return counting;
  }

  // A filter was opened: load the counts and show them for the search on screen (or the whole archive).
  function showCounts() {
    var mine = generation;
    return loadCounts().then(function (all) {
      if (mine !== generation) return;
      if (!current) return updateCounts(null, {}, all);
      var on = current;
      return pagefind.search(on.term, { filters: on.filters }).then(function (search) {
        if (mine === generation) return updateCounts(on.term, on.selected, search.filters, on.within);
      });
    });
  }

  // Each value's count is what choosing it would give: for a filter with a choice made, the counts
  // come from a search without that filter's own choices.
  function updateCounts(term, selected, counts, limit) {
    var keys = Object.keys(selected);
    return Promise.all(keys.map(function (key) {
      return pagefind.search(term, { filters: Object.assign(pagefindFilters(selected, key), limit) });
    })).then(function (searches) {
      var merged = Object.assign({}, counts);
      searches.forEach(function (search, i) { if (search) merged[keys[i]] = search.filters[keys[i]]; });
      checkboxes().forEach(function (box) {
        var count = box.parentNode.querySelector(".count");
        count.textContent = "(" + ((merged[box.name] || {})[box.value] || 0) + ")";
      });
    });
  }

  // Results by relevance: one search over every bundle, Pagefind ranks them.
  function relevance(search) {
    return { total: search.results.length, take: function (n) { return Promise.resolve(search.results.slice(0, n)); } };
  }

  // A page's rank by date in its bundle: its name ends in it, in base 36 (generator/outputs/pagefind_names.py).
  function rank(result) {
    var name = /-([0-9a-z]+)$/.exec(result.id);
    return name ? parseInt(name[1], 36) : -1;
  }

  // Newest first: the bundles (which hold consecutive years, newest first) are searched one after the
  // other, as far as the page needs, and each bundle's results ordered by the rank in their names. (A
  // bundle written with Pagefind's own names still has its sort by date, which Pagefind applies.)
  function newest(search, term, filters) {
    var found = [];
    var next = 0;
    var order = bundles.filter(function (name) { return !filters.bunt || filters.bunt.any.indexOf(name) >= 0; });
    function take(n) {
      if (found.length >= n || next >= order.length) return Promise.resolve(found.slice(0, n));
      var request = { filters: Object.assign({}, filters, { bunt: { any: [order[next++]] } }), sort: { datum: "desc" } };
      return pagefind.search(term, request).then(function (result) {
        var ranked = result.results.slice();
        if (ranked.every(function (r) { return rank(r) >= 0; })) ranked.sort(function (a, b) { return rank(b) - rank(a); });
        found = found.concat(ranked);
        return take(n);
      });
    }
    return { total: search.results.length, take: take };
  }

  // Pagefind searches each bundle on its own, and a bundle that lacks a word answers without it: a word
  // that no page of the bundle has is left out of the search there, and a word that only begins like
  // some of its words is matched by the longest of those ("2024/118.611" by "2024", "KS" or "20"). A
  // diarienummer would then find pages of every year. So a search with several words, or with a number,
  // only asks the bundles that have each word (a number: exactly that number, where any bundle has it).
  // How many pages of each bundle have a word is the count of the filter "bunt" each is merged with.
  function within(term, filters) {
    var words = term ? term.split(" ") : [];
    if (/^\s*".+"\s*$/.test(term || "")) return Promise.resolve({});
    var checks = (words.length > 1 ? words : []).map(function (word) { return { query: word, exact: false }; });
    words.forEach(function (word) {
      if (/\d/.test(word)) checks.push({ query: '"' + word + '"', exact: true });
    });
    if (!checks.length) return Promise.resolve({});
    return Promise.all(checks.map(function (check) {
      return pagefind.search(check.query, { filters: filters });
    })).then(function (searches) {
      // A number that no bundle has exactly (a part of a diarienummer) is matched as Pagefind does.
      var counts = searches.filter(function (search, i) { return !checks[i].exact || search.results.length; })
        .map(function (search) { return (search.filters || {}).bunt || {}; });
      var names = bundles.filter(function (name) {
        return counts.every(function (count) { return count[name] > 0; });
      });
      return { bunt: { any: names.length ? names : [""] } };
    });
  }

  // Pages without a date (the accessibility statement, how to appeal) have no place in a list by date.
  function dated(filters) {
    return filters["år"] ? filters : Object.assign({ "år": { any: years } }, filters);
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
    if (data.meta.diarienummer) {
      var number = element("span", "", text.diarienummer + " ");
      var caseLink = element(data.meta["ärende"] ? "a" : "span", "", data.meta.diarienummer);
      if (data.meta["ärende"]) caseLink.href = base + data.meta["ärende"];
      number.appendChild(caseLink);
      meta.appendChild(number);
    }
    item.appendChild(meta);
    var excerpt = element("p", "result-excerpt");
    // Pagefind escapes the page text and marks the matches with <mark>.
    excerpt.innerHTML = data.excerpt;
    item.appendChild(excerpt);
    return item;
  }

  function showMore(moveFocus) {
    var mine = generation;
    var from = shown;
    return source.take(shown + PAGE).then(function (results) {
      if (mine !== generation) return;
      return Promise.all(results.slice(from).map(function (r) { return r.data(); })).then(function (pages) {
        if (mine !== generation) return;
        var first = null;
        pages.forEach(function (data) {
          var node = renderResult(data);
          first = first || node;
          list.appendChild(node);
        });
        shown = from + pages.length;
        more.hidden = shown >= source.total;
        if (moveFocus && first) first.querySelector("a").focus();
      });
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
    source = null;
    current = null;
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
    var sorted = newestFirst();
    var chosenFilters = pagefindFilters(filters, null);
    var found = { term: term, selected: filters };
    var counts = wantCounts() ? loadCounts() : Promise.resolve(null);
    return counts.then(function () {
      return within(term, chosenFilters);
    }).then(function (limit) {
      found.within = limit;
      found.filters = Object.assign({}, sorted ? dated(chosenFilters) : chosenFilters, limit);
      if (mine === generation) current = found;
      return pagefind.search(term, { filters: found.filters });
    }).then(function (search) {
      if (mine !== generation || !search) return;
      source = sorted ? newest(search, term, found.filters) : relevance(search);
      status.textContent = describe(source.total, query, filtered);
      var work = [showMore(false)];
      if (counting) work.push(updateCounts(term, filters, search.filters || {}, found.within));
      return Promise.all(work);
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

  function start(module, manifest) {
    pagefind = module;
    bundles = manifest.bundles;
    years = manifest.filters["år"] || [];
    buildFilters(manifest.filters);
    addressToState();
    // The newest bundle is pagefind/ itself; each is merged with a filter of its own name ("bunt").
    var same = { exactDiacritics: true, baseUrl: base };
    return pagefind.options(Object.assign({ noWorker: true, mergeFilter: { bunt: bundles[0] } }, same))
      .then(function () {
        return Promise.all(bundles.slice(1).map(function (name) {
          return pagefind.mergeIndex(bundle + name + "/", Object.assign({ mergeFilter: { bunt: name } }, same));
        }));
      })
      .then(function () {
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

  var manifest = fetch(bundle + "bundles.json").then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  });
  Promise.all([import(bundle + "pagefind.js"), manifest]).then(function (loaded) {
    return start(loaded[0], loaded[1]);
  }).catch(function () {
    panel.hidden = false;
    status.textContent = text.failed;
    region.setAttribute("aria-busy", "false");
  });
})();
