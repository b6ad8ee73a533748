// launchpad serve: reload the page after a rebuild, and show build errors
// over the page while the last good build stays served. Only `serve`
// injects this script; `build` output never contains it.
(function () {
  "use strict";
  var events = new EventSource("/__launchpad/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("build-error", function (e) {
    var box = document.getElementById("launchpad-errors");
    if (!box) {
      box = document.createElement("div");
      box.id = "launchpad-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);" +
        "color:#fff;font:14px/1.5 ui-monospace,monospace;padding:2rem;";
      document.body.appendChild(box);
    }
    var pre = document.createElement("pre");
    pre.style.whiteSpace = "pre-wrap";
    pre.textContent = JSON.parse(e.data).text;
    var title = document.createElement("h2");
    title.textContent = "The last change broke the build; this page is the last good one.";
    box.textContent = "";
    box.appendChild(title);
    box.appendChild(pre);
  });
})();
