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
