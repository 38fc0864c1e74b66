// Forms that save as you go through htmx (data-save-as-you-go) and are also submitted by a plain button: once the
// plain submission leaves, a save still waiting for its delay must not follow it (it would post the answers again,
// after the submission, and start a new draft).
document.addEventListener("submit", function (event) {
  if (!event.defaultPrevented && event.target.matches("form[data-save-as-you-go]")) {
    event.target.dataset.submitted = "true";
  }
});
document.addEventListener("htmx:beforeRequest", function (event) {
  var form = event.detail.elt.closest && event.detail.elt.closest("form[data-save-as-you-go]");
  if (form && form.dataset.submitted === "true") event.preventDefault();
});
