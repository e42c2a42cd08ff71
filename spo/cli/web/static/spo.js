// spo serve's forms (issue 26): each field checked as soon as it is left, with the server's own
// checks, never a rule of its own. The whole form is posted to its own address with the header
// X-Spo-Check: 1; the answer is each field's message, or null, and its line, and nothing is
// written. A message goes where the refused form shows it (#f-NAME-error, named by
// aria-describedby), as text. Only fields left after a change, and those already showing a
// message, are said: a field not yet filled in is not called required while another is typed.
// The summary at the top of a refused form follows (its lines, in the fields' order, each a link
// to its field; gone when none is left), and a screen reader is told, politely, the line of each
// field whose message came, changed or went (#form-said), once per check, never per keystroke.
// Without this file, the submit says the same.
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

  // The summary of a refused form, its lines those of the fields said wrong; none: it goes.
  // It was an alert for the page's arrival; from now on #form-said tells what changed.
  function summarise(left, answer) {
    var summary = document.querySelector(".error-summary");
    if (!summary) return; // only a refused form has one; a field's own message says the rest
    summary.removeAttribute("role");
    var list = summary.querySelector("ul");
    list.replaceChildren();
    Object.keys(answer.messages).forEach(function (name) {
      if (!left.has(name) || !answer.messages[name]) return;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#f-" + name;
      link.textContent = answer.lines[name];
      item.append(link);
      list.append(item);
    });
    if (!list.children.length) summary.remove();
  }

  function watch(form) {
    var left = new Set();
    var shown = {}; // each field's message as last said
    var asked = 0;
    var voice = form.querySelector("#form-said");
    form.querySelectorAll(".field-error").forEach(function (error) {
      var name = error.id.slice(2, -6); // f-NAME-error
      left.add(name);
      shown[name] = error.textContent;
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
      }).then(function (answer) {
        if (!answer || mine !== asked) return; // a later check answers for every field
        var news = [];
        Object.keys(answer.messages).forEach(function (name) { // the fields' order
          var box = document.getElementById("f-" + name);
          if (!box || !left.has(name)) return;
          var message = answer.messages[name] || null;
          if (message !== (shown[name] || null)) news.push(answer.lines[name]);
          shown[name] = message;
          said(box, name, message);
        });
        summarise(left, answer);
        if (voice && news.length) { // one sentence each ("…gün çeker).", never "..")
          voice.textContent = news.map(function (line) { return line.replace(/\.$/, ""); }).join(". ");
        }
      }).catch(function () {}); // the submit still checks everything
    });
  }

  document.querySelectorAll("form.record").forEach(watch);
})();
