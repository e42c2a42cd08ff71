// spo serve's forms (issue 26): each field checked as soon as it is left, with the server's own
// checks, never a rule of its own. The whole form is posted to its own address with the header
// X-Spo-Check: 1; the answer is each field's message, or null, and nothing is written. A message
// goes where the refused form shows it (#f-NAME-error, named by aria-describedby), as text.
// Only fields left after a change, and those already showing a message, are said: a field not
// yet filled in is not called required while another is typed. Without this file, the submit
// says the same.
"use strict";
(function () {
  function said(box, name, message) {
    var id = "f-" + name + "-error";
    var error = document.getElementById(id);
    var described = (box.getAttribute("aria-describedby") || "").split(" ").filter(function (d) {
      return d && d !== id;
    });
    if (message === null || message === undefined) {
      if (error) error.remove();
    } else {
      if (!error) {
        error = document.createElement("p");
        error.className = "field-error";
        error.id = id;
        box.closest(".field").querySelector("label, legend").after(error);
      }
      error.textContent = message;
      described.unshift(id);
    }
    if (described.length) box.setAttribute("aria-describedby", described.join(" "));
    else box.removeAttribute("aria-describedby");
    if (message && box.tagName !== "FIELDSET") box.setAttribute("aria-invalid", "true");
    else box.removeAttribute("aria-invalid");
    box.closest(".field").classList.toggle("invalid", Boolean(message));
  }

  function watch(form) {
    var left = new Set();
    var asked = 0;
    form.querySelectorAll(".field-error").forEach(function (error) {
      left.add(error.id.slice(2, -6)); // f-NAME-error
    });
    form.addEventListener("change", function (event) {
      if (!event.target.name || event.target.type === "submit") return;
      left.add(event.target.name);
      var mine = ++asked;
      fetch(form.action, {
        method: "POST", body: new FormData(form), headers: { "X-Spo-Check": "1" },
        credentials: "same-origin",
      }).then(function (answer) {
        return answer.ok ? answer.json() : null;
      }).then(function (messages) {
        if (!messages || mine !== asked) return; // a later check answers for every field
        left.forEach(function (name) {
          var box = document.getElementById("f-" + name);
          if (box && name in messages) said(box, name, messages[name]);
        });
      }).catch(function () {}); // the submit still checks everything
    });
  }

  document.querySelectorAll("form.record").forEach(watch);
})();
