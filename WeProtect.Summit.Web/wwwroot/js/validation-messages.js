// jQuery Validation's own messages (for rules it reads from input attributes such as min, max and maxlength) in the
// page's language: the texts come from the server in this script element's data-messages (the CSP forbids inline script).
(function () {
    var script = document.currentScript;
    if (!script || !window.jQuery || !jQuery.validator) return;
    var messages = JSON.parse(script.getAttribute("data-messages") || "{}");
    Object.keys(messages).forEach(function (rule) {
        var text = messages[rule];
        jQuery.validator.messages[rule] = text.indexOf("{0}") >= 0 ? jQuery.validator.format(text) : text;
    });
})();
