/* Fair Chance Jobs widget. Put this where the list should appear:
   <script src="https://SITE/widget/jobs.js" data-employer="SLUG" async></script>
   data-* attributes: employer, or any job search parameter (q, place, radius,
   category, employment_type, workplace, check_level, credential, salary,
   after_offer, verified, sort); and accent, background (#rrggbb), limit (1-20). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var origin = new URL(script.src).origin;
  var url = new URL("{{ widget_path|escapejs }}", origin);
  Object.keys(script.dataset).forEach(function (name) {
    url.searchParams.set(name, script.dataset[name]);
  });
  var frame = document.createElement("iframe");
  frame.src = url.href;
  frame.title = script.dataset.title || "Fair-chance jobs";
  frame.loading = "lazy";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = "30em";
  window.addEventListener("message", function (event) {
    if (event.source === frame.contentWindow && event.origin === origin &&
        event.data && typeof event.data.fairChanceWidgetHeight === "number") {
      frame.style.height = Math.ceil(event.data.fairChanceWidgetHeight) + "px";
    }
  });
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
