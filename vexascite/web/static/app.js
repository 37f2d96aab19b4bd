// Small helpers for vexascite's pages (no network, no dependencies besides htmx).
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) return;
  var source = document.querySelector(button.getAttribute("data-copy"));
  if (!source) return;
  source.select();
  var done = function () { button.textContent = "Copied"; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(source.value).then(done, function () { document.execCommand("copy"); done(); });
  } else {
    document.execCommand("copy");
    done();
  }
});
// Hovering or focusing a citation marker highlights the works it cites in the side panel.
function markCited(event, on) {
  var marker = event.target.closest && event.target.closest(".cite");
  if (!marker) return;
  (marker.getAttribute("data-works") || "").split(" ").forEach(function (key) {
    if (!key) return;
    var item = document.getElementById("cited-" + key);
    if (item) item.classList.toggle("hover", on);
  });
}
document.addEventListener("mouseover", function (e) { markCited(e, true); });
document.addEventListener("mouseout", function (e) { markCited(e, false); });
document.addEventListener("focusin", function (e) { markCited(e, true); });
document.addEventListener("focusout", function (e) { markCited(e, false); });
// A form posted once is not posted again while its answer loads (a double click added a
// note twice); a page shown again (the back button) can post its forms again. htmx's
// own forms (hx-post, hx-get) are left to htmx.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (event.defaultPrevented || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
  if (form.hasAttribute("hx-post") || form.hasAttribute("hx-get")) return;
  if (form.getAttribute("data-posted")) { event.preventDefault(); return; }
  form.setAttribute("data-posted", "yes");
});
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form[data-posted]").forEach(function (form) { form.removeAttribute("data-posted"); });
});
// An error page after a form was posted: back to the form, as the browser kept it (what
// was typed stays), rather than to a fresh page.
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-back]")) { event.preventDefault(); history.back(); }
});
// What a posted form did is said once: the notice stays on the page, but its words leave
// the address, so a reload or a bookmark does not say "note added" again.
(function () {
  var url = new URL(window.location.href);
  if (!url.searchParams.has("message")) return;
  url.searchParams.delete("message");
  history.replaceState(history.state, "", url.pathname + (url.searchParams.toString() ? "?" + url.searchParams.toString() : "") + url.hash);
})();
