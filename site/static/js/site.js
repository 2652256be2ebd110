// Small improvements on pages that already work without JavaScript.
(function () {
  "use strict";

  // Move focus to the error summary, so screen readers announce the problems
  // and keyboard users start from the list of links to each field.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) {
        event.preventDefault();
        target.focus();
        target.scrollIntoView({ block: "center" });
      }
    });
  }

  // "Show password" buttons next to password boxes.
  document.querySelectorAll("input[type='password']").forEach(function (input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary password-toggle";
    button.textContent = "Show password";
    button.setAttribute("aria-controls", input.id);
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      var showing = input.type === "text";
      input.type = showing ? "password" : "text";
      button.textContent = showing ? "Show password" : "Hide password";
      button.setAttribute("aria-pressed", showing ? "false" : "true");
    });
    input.insertAdjacentElement("afterend", button);
  });

  // Print buttons on job lists made for paper (hidden until this can work them).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();

// Job search: suggestions for the keyword box, and filters that update the
// results without reloading the whole page. Without JavaScript both are plain
// links and forms, and work the same.
(function () {
  "use strict";

  var keyword = document.querySelector("[data-suggest-url]");
  if (keyword && window.fetch) {
    var list = document.getElementById(keyword.getAttribute("list"));
    var timer = null;
    keyword.addEventListener("input", function () {
      clearTimeout(timer);
      var text = keyword.value.trim();
      if (text.length < 2) return;
      timer = setTimeout(function () {
        var url = keyword.dataset.suggestUrl + "?q=" + encodeURIComponent(text);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.suggestions.map(function (suggestion) {
              var option = document.createElement("option");
              option.value = suggestion;
              return option;
            }));
          })
          .catch(function () {});
      }, 200);
    });
  }

  var region = document.querySelector("[data-search-results]");
  if (!region || !window.fetch || !window.history.pushState) return;

  function load(url, push) {
    region.setAttribute("aria-busy", "true");
    return fetch(url, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("[data-search-results]");
        if (!fresh) { window.location.assign(url); return; }
        region.innerHTML = fresh.innerHTML;
        document.title = page.title;
        // A filter read from the words is changed by a link without those words.
        var words = document.getElementById("id_q");
        var freshWords = page.getElementById("id_q");
        if (words && freshWords) words.value = freshWords.value;
        if (push) window.history.pushState({ search: true }, "", url);
        var heading = document.getElementById("results-heading");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      })
      .catch(function () { window.location.assign(url); })
      .finally(function () { region.removeAttribute("aria-busy"); });
  }

  region.addEventListener("click", function (event) {
    var link = event.target.closest(".search-facets a, .pagination a, .did-you-mean a");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    load(link.href, true);
  });
  region.addEventListener("change", function (event) {
    if (event.target.matches(".sort-form select")) {
      var form = event.target.form;
      load(form.action.split("?")[0] + "?" + new URLSearchParams(new FormData(form)), true);
    }
  });
  window.addEventListener("popstate", function () { load(window.location.href, false); });
})();
