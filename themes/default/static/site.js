// launchpad: progressive enhancement of the built-in theme. Without this
// script every filter is a link to a pre-built page and every story is
// readable; with it, the index filters in place across all stories.
(function () {
  "use strict";

  // The words it prints, in the page's language: the page carries them
  // (from the theme's string files) as JSON. A counted message has a form
  // per plural category, which the browser's plural rules pick from.
  var say = (function () {
    var words = {};
    try { words = JSON.parse(document.getElementById("words").textContent); } catch (e) { /* none */ }
    var rules = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || "en") : null;
    return function (key, args) {
      var text = words[key];
      if (text == null) return key;
      args = args || {};
      if (typeof text === "object") {
        text = text[rules && args.count != null ? rules.select(args.count) : "other"] || text.other || text[Object.keys(text)[0]];
      }
      return text.replace(/\{(\w+)\}/g, function (all, name) { return args[name] != null ? String(args[name]) : all; });
    };
  })();

  // Copy buttons on story pages.
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var status = (button.closest(".share") || button.parentNode).querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function (message) { if (status) status.textContent = message; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(
          function () { done(say("copy-done")); },
          function () { done(say("copy-failed")); });
      } else {
        done(say("copy-unavailable"));
      }
    });
  });

  // The phone's own share sheet, where there is one (the Web Share API).
  if (navigator.share) {
    document.querySelectorAll("[data-share]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share") })
          .catch(function () { /* closed without sharing */ });
      });
    });
  }

  // Where the candidate came from (utm_source, gh_src, ...: the set is
  // site.yaml's `tracking.params`) is read from the address they landed
  // on and carried in links only: no cookie, no storage. Internal links
  // carry it to the next page; apply links carry it to the ATS, in place
  // of the site's default share parameters, by the names it reads.
  var html = document.documentElement;
  var tracked = (html.getAttribute("data-track") || "").split(" ").filter(Boolean);
  var base = html.getAttribute("data-base") || "/";
  var landing = window.URLSearchParams ? new URLSearchParams(location.search) : null;
  var carried = [];
  if (landing) {
    tracked.forEach(function (key) {
      var value = landing.get(key);
      if (value) carried.push([key, value]);
    });
  }
  function carry(link) {
    if (!carried.length || !link.href) return;
    var url;
    try { url = new URL(link.href, location.href); } catch (e) { return; }
    if (link.hasAttribute("data-apply")) {
      var names = {};
      (link.getAttribute("data-rename") || "").split(" ").forEach(function (pair) {
        var parts = pair.split("=");
        if (parts.length === 2) names[parts[0]] = parts[1];
      });
      tracked.forEach(function (key) {
        url.searchParams.delete(key);
        if (names[key]) url.searchParams.delete(names[key]);
      });
      carried.forEach(function (kv) { url.searchParams.set(names[kv[0]] || kv[0], kv[1]); });
    } else if (url.origin === location.origin && url.pathname.indexOf(base) === 0 &&
               /\/$/.test(url.pathname)) {
      carried.forEach(function (kv) { url.searchParams.set(kv[0], kv[1]); });
    } else {
      return;
    }
    link.href = url.toString();
  }
  if (carried.length) {
    document.querySelectorAll("a[href]").forEach(carry);
    // Links the filters draw later are carried as they are followed.
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link) carry(link);
    }, true);
  }

  var openingsRoot = document.querySelector("[data-openings-root]");
  if (openingsRoot && window.URLSearchParams && history.pushState) filterOpenings(openingsRoot);

  var root = document.querySelector("[data-filter-root]");
  if (!root || !window.fetch || !window.URLSearchParams || !history.pushState) return;

  var results = root.querySelector(".results");
  var heading = root.querySelector("#results-heading");
  var status = root.querySelector("#filter-status");
  var clear = root.querySelector(".clear-filters");
  var more = root.querySelector(".show-more");
  var pagination = root.querySelector(".pagination");
  var pageSize = parseInt(root.getAttribute("data-page-size"), 10) || 48;
  var total = parseInt(root.getAttribute("data-total"), 10);
  var serverList = results.querySelector(".cards, .empty");
  var list = document.createElement("ul");
  list.className = "cards";
  list.hidden = true;
  results.insertBefore(list, more);

  // How each query key matches a story of stories.json.
  var tests = {
    to: function (s, v) { return s.destination === v; },
    from: function (s, v) { return s.start === v; },
    dept: function (s, v) { return s.departments.indexOf(v) >= 0; },
    tag: function (s, v) { return s.tags.indexOf(v) >= 0; },
    loc: function (s, v) { return s.location_id === v; },
    move: function (s, v) { return s.first_move === v; }
  };
  var keys = Object.keys(tests);
  var stories = null;
  var loading = null;
  var shown = 0;
  var matches = [];

  var query = queryState(keys);
  var read = query.read, write = query.write;
  var buttons = toggles(root, query, function (state) { apply(state, true); }, function () {
    root.setAttribute("data-ready", "");
    apply(read(), false);
  });

  // stories.json is fetched when a filter is first used, not before: most
  // visitors read the first page and never filter.
  function load() {
    if (!loading) {
      loading = fetch(root.getAttribute("data-index"))
        .then(function (r) { return r.json(); })
        .then(function (data) {
          stories = data.stories;
        });
    }
    return loading;
  }

  var matching = function (state, except) {
    var active = keys.filter(function (key) { return state[key] && key !== except; });
    return stories.filter(function (s) {
      return active.every(function (key) { return tests[key](s, state[key]); });
    });
  };

  // Each value's count is how many stories the list would show with it
  // chosen, given the other filters; a value that would show none stays,
  // marked unavailable.
  function recount(state) {
    var base = {};
    keys.forEach(function (key) { base[key] = matching(state, key); });
    buttons.forEach(function (b) {
      var key = b.getAttribute("data-facet"), value = b.getAttribute("data-value");
      var n = base[key].filter(function (s) { return tests[key](s, value); }).length;
      var count = b.querySelector(".count");
      if (count) count.textContent = n;
      var pressed = b.getAttribute("aria-pressed") === "true";
      if (n === 0 && !pressed) b.setAttribute("aria-disabled", "true");
      else b.removeAttribute("aria-disabled");
    });
  }

  function apply(state, announce) {
    var active = keys.filter(function (key) { return state[key]; });
    buttons.forEach(function (b) {
      var on = state[b.getAttribute("data-facet")] === b.getAttribute("data-value");
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    clear.hidden = active.length === 0;
    sheet.count(active.length);
    if (!stories) {
      if (active.length) load().then(function () { apply(read(), announce); });
      return;
    }
    recount(state);
    root.setAttribute("data-loaded", "");
    if (active.length === 0) {
      list.hidden = true;
      more.hidden = true;
      if (serverList) serverList.hidden = false;
      if (pagination) pagination.hidden = false;
      heading.textContent = say("stories-count", { count: total });
      sheet.showing(total);
      if (announce) status.textContent = say("filters-cleared", { heading: heading.textContent });
      return;
    }
    matches = matching(state);
    if (serverList) serverList.hidden = true;
    if (pagination) pagination.hidden = true;
    list.hidden = false;
    list.textContent = "";
    shown = 0;
    showMore();
    heading.textContent = say("filter-matches", { count: matches.length });
    sheet.showing(matches.length);
    if (matches.length === 0) {
      var li = document.createElement("li");
      li.className = "empty";
      li.textContent = say("filter-none");
      list.appendChild(li);
    }
    status.textContent = say("filter-status", { count: matches.length });
  }

  // The same card as partials/card.html, from a stories.json entry.
  function card(s) {
    var el = function (tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text != null) e.textContent = text;
      return e;
    };
    var li = el("li", "card");
    var article = el("article");
    var top = el("div", "card-top");
    if (s.photo) {
      var img = el("img", "portrait");
      img.src = s.photo[0];
      img.alt = s.photo[1];
      img.width = img.height = 64;
      img.loading = "lazy";
      top.appendChild(img);
    } else {
      var ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("class", "portrait");
      svg.setAttribute("viewBox", "0 0 64 64");
      svg.setAttribute("width", "64");
      svg.setAttribute("height", "64");
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", s.name);
      var circle = document.createElementNS(ns, "circle");
      circle.setAttribute("cx", "32");
      circle.setAttribute("cy", "32");
      circle.setAttribute("r", "32");
      circle.setAttribute("fill", s.avatar_color);
      var text = document.createElementNS(ns, "text");
      [["x", "32"], ["y", "40"], ["text-anchor", "middle"], ["fill", "#fff"], ["font-size", "22"], ["font-weight", "700"]].forEach(function (a) {
        text.setAttribute(a[0], a[1]);
      });
      text.textContent = s.initials;
      svg.appendChild(circle);
      svg.appendChild(text);
      top.appendChild(svg);
    }
    var who = el("div");
    var h3 = el("h3");
    var a = el("a", null, s.name);
    a.href = s.url;
    h3.appendChild(a);
    who.appendChild(h3);
    var now = s.path[s.path.length - 1];
    who.appendChild(el("p", "now", now));
    top.appendChild(who);
    article.appendChild(top);
    article.appendChild(el("p", "headline", s.headline));
    var path = el("ol", "journey-path");
    path.setAttribute("aria-label", say("journey"));
    s.path.forEach(function (p) { path.appendChild(el("li", null, p)); });
    article.appendChild(path);
    if (s.location || s.span) {
      var meta = el("p", "meta");
      if (s.location) meta.appendChild(el("span", null, s.location));
      if (s.span) meta.appendChild(el("span", null, say("card-span", { span: s.span, role: now })));
      article.appendChild(meta);
    }
    li.appendChild(article);
    return li;
  }

  function showMore() {
    var end = Math.min(shown + pageSize, matches.length);
    for (; shown < end; shown++) list.appendChild(card(matches[shown]));
    more.hidden = shown >= matches.length;
  }

  var sheet = filterSheet(root, function () {
    load().then(function () { apply(read(), false); });
  });

  more.addEventListener("click", showMore);
  var clearAll = function () {
    var empty = {};
    write(empty);
    apply(empty, true);
  };
  clear.addEventListener("click", clearAll);
  root.querySelectorAll("[data-sheet-clear]").forEach(function (b) { b.addEventListener("click", clearAll); });
  window.addEventListener("popstate", function () { apply(read(), true); });
  apply(read(), false);

  // On a phone the filters are a full-height sheet over the results, opened
  // by the "Filter" button (without the script, a link down to them). It
  // holds the focus while open; Escape, the close button and "Show N
  // stories" close it and put the focus back on the "Filter" button.
  // `opened` is called when it opens (the stories are needed for counts).
  function filterSheet(root, opened) {
    var panel = root.querySelector("#filters");
    var opener = root.querySelector("[data-sheet-open]");
    var badge = opener && opener.querySelector(".filter-count");
    var show = root.querySelector(".sheet-show");
    var foot = root.querySelector(".sheet-foot");
    var phone = window.matchMedia ? matchMedia("(max-width: 59.99rem)") : { matches: false };
    var api = {
      count: function (n) {
        if (badge) badge.textContent = n ? "(" + n + ")" : "";
        if (opener) opener.setAttribute("aria-label", n ? say("filter-active", { count: n }) : say("filter-open"));
      },
      showing: function (n) { if (show) show.textContent = say("filter-show", { count: n }); }
    };
    if (!panel || !opener) return api;
    var open = false;
    var setMode = function () {
      var sheet = phone.matches;
      panel.classList.toggle("sheet", sheet);
      if (sheet) {
        panel.setAttribute("role", "dialog");
        panel.setAttribute("aria-modal", "true");
        panel.hidden = !open;
      } else {
        panel.removeAttribute("role");
        panel.removeAttribute("aria-modal");
        panel.hidden = false;
        open = false;
        document.body.classList.remove("sheet-open");
      }
      root.querySelectorAll("[data-sheet-close]").forEach(function (b) { b.hidden = !sheet; });
      foot.hidden = !sheet;
    };
    var close = function () {
      if (!open) return;
      open = false;
      panel.hidden = true;
      document.body.classList.remove("sheet-open");
      opener.focus();
    };
    opener.setAttribute("role", "button");
    opener.setAttribute("aria-controls", "filters");
    opener.addEventListener("click", function (event) {
      if (!phone.matches) return;
      event.preventDefault();
      open = true;
      panel.hidden = false;
      document.body.classList.add("sheet-open");
      panel.querySelector("[data-sheet-close]").focus();
      opened();
    });
    root.querySelectorAll("[data-sheet-close]").forEach(function (b) { b.addEventListener("click", close); });
    panel.addEventListener("keydown", function (event) {
      if (!open) return;
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "Tab") {
        var focusable = [].filter.call(panel.querySelectorAll("button, summary, a[href]"), function (e) {
          return !e.hidden && e.offsetParent !== null;
        });
        var first = focusable[0], last = focusable[focusable.length - 1];
        if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
        else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
      }
    });
    if (phone.addEventListener) phone.addEventListener("change", setMode);
    setMode();
    return api;
  }

  // `/openings/`: the department and location links become toggles that
  // filter the list in place, with the state in the query (`?dept=&loc=`),
  // as on the index. Without the script they are links to pre-built pages.
  function filterOpenings(root) {
    var keys = ["dept", "loc"];
    var heading = root.querySelector("#results-heading");
    var status = root.querySelector("#filter-status");
    var clear = root.querySelector(".clear-filters");
    var none = root.querySelector("[data-no-match]");
    var total = parseInt(root.getAttribute("data-total"), 10);
    var query = queryState(keys);
    var state = query.read, write = query.write;
    var buttons = [];
    var apply = function (s, announce) {
      buttons.forEach(function (b) {
        var on = s[b.getAttribute("data-facet")] === b.getAttribute("data-value");
        b.setAttribute("aria-pressed", on ? "true" : "false");
      });
      var shown = 0;
      root.querySelectorAll(".opening").forEach(function (li) {
        var ok = (!s.dept || li.getAttribute("data-dept") === s.dept) &&
                 (!s.loc || li.getAttribute("data-loc") === s.loc);
        li.hidden = !ok;
        if (ok) shown++;
      });
      // Innermost groups first: a role with no match, then a department.
      var groups = root.querySelectorAll("[data-group]");
      for (var i = groups.length - 1; i >= 0; i--) {
        groups[i].hidden = !groups[i].querySelector(".opening:not([hidden])");
      }
      var filtered = keys.some(function (k) { return s[k]; });
      clear.hidden = !filtered;
      none.hidden = shown > 0;
      heading.textContent = filtered ? say("openings-match", { count: shown }) : say("open-positions-count", { count: total });
      if (announce) status.textContent = heading.textContent;
    };
    buttons = toggles(root, query, function (s) { apply(s, true); }, function () {
      root.setAttribute("data-ready", "");
      apply(state(), false);
    });
    clear.addEventListener("click", function () { write({}); apply({}, true); });
    window.addEventListener("popstate", function () { apply(state(), true); });
    apply(state(), false);
  }

  // The filter state of a view in its query string: the values of `keys`.
  // Query parameters the page does not own (utm_source, ...) are kept.
  function queryState(keys) {
    return {
      read: function () {
        var params = new URLSearchParams(location.search);
        var state = {};
        keys.forEach(function (key) { state[key] = params.get(key); });
        return state;
      },
      write: function (state) {
        var params = new URLSearchParams(location.search);
        keys.forEach(function (key) {
          if (state[key]) params.set(key, state[key]); else params.delete(key);
        });
        var search = params.toString();
        history.pushState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
      }
    };
  }

  // Facet links under `root` filter in place: a click toggles its value in
  // the query and calls `changed` with the new state. They become toggle
  // buttons a few at a time once the page shows, so the conversion never
  // holds up the first screen, and `ready` is called when all are buttons;
  // until then a click on a link filters the same way. (Without the script
  // they are links to pre-built pages.)
  function toggles(root, query, changed, ready) {
    var buttons = [];
    root.addEventListener("click", function (event) {
      var el = event.target.closest && event.target.closest("[data-facet]");
      if (!el || !root.contains(el)) return;
      event.preventDefault();
      if (el.getAttribute("aria-disabled") === "true") return;
      var state = query.read();
      var key = el.getAttribute("data-facet");
      var value = el.getAttribute("data-value");
      state[key] = state[key] === value ? null : value;
      query.write(state);
      changed(state);
    });
    var links = [].slice.call(root.querySelectorAll("a[data-facet]"));
    var upgrade = function () {
      links.splice(0, 12).forEach(function (link) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "facet-value";
        button.setAttribute("aria-pressed", "false");
        button.setAttribute("data-facet", link.getAttribute("data-facet"));
        button.setAttribute("data-value", link.getAttribute("data-value"));
        while (link.firstChild) button.appendChild(link.firstChild);
        var focused = document.activeElement === link;
        link.parentNode.replaceChild(button, link);
        if (focused) button.focus();
        buttons.push(button);
      });
      if (links.length) setTimeout(upgrade, 0); else ready();
    };
    setTimeout(upgrade, 0);
    return buttons;
  }
})();
