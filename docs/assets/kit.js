/* Copy buttons: "copy link" beside each paragraph, "copy" beside each citation.
   One delegated listener, so it keeps working across Material's instant navigation.
   Buttons are real <button>s: Enter and Space work from the keyboard. */
(function () {
  "use strict";

  function status() {
    var region = document.getElementById("cbl-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "cbl-status";
      region.className = "cbl-visually-hidden";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    return region;
  }

  function textToCopy(button) {
    var target = button.getAttribute("data-cbl-target");
    if (button.getAttribute("data-cbl-copy") === "link") {
      var url = new URL(window.location.href);
      url.hash = target;
      return url.href;
    }
    var element = document.getElementById(target);
    return element ? element.textContent.trim() : "";
  }

  function copyWithoutClipboardApi(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-cbl-copy]");
    if (!button) return;
    var text = textToCopy(button);
    var copy = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(text)
      : copyWithoutClipboardApi(text);
    copy.then(function () {
      button.setAttribute("data-cbl-copied", "");
      status().textContent = button.getAttribute("data-cbl-copy") === "link"
        ? "Link copied: " + text
        : "Citation copied";
      window.setTimeout(function () { button.removeAttribute("data-cbl-copied"); }, 2000);
    }, function () {
      status().textContent = "Could not copy. Select the text and copy it by hand: " + text;
    });
  });

  /* Touch: a first tap on a glossary mention shows its description (the tip appears on focus);
     a second tap on the same mention follows the link. Mouse and keyboard are unchanged. */
  var lastPointer = "mouse";
  var armed = null;
  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType; }, true);
  // Capturing, so that this runs before Material's instant navigation handles the click.
  document.addEventListener("click", function (event) {
    var term = event.target.closest(".cbl-term");
    if (!term || lastPointer !== "touch") return;
    if (armed !== term) {
      event.preventDefault();
      event.stopImmediatePropagation();
      armed = term;
      term.focus();
      status().textContent = term.getAttribute("data-cbl-tip") + ". Tap again to open the glossary entry.";
    }
  }, true);

  /* Print buttons: print one part of a page (the plan, the charts, the task, or the instructor
     copy); without them, or without JavaScript, printing gives the student handout. */
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-cbl-print]");
    if (!button) return;
    document.documentElement.setAttribute("data-cbl-print", button.getAttribute("data-cbl-print"));
    window.print();
  });
  /* A closed <details> prints nothing: open the page's guide to the marks for the print (its
     legend is printed; its screen instructions are not), and close it again afterwards. */
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = [].slice.call(document.querySelectorAll("details.cbl-how-to-read:not([open])"));
    opened.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    document.documentElement.removeAttribute("data-cbl-print");
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });

  /* Worksheets: what a student types into a chart, a question's answer or the task is kept in this
     browser only (localStorage, one key for each page: a lesson's or a packet's), shown again after a
     reload or on the next day, printed in place (each field's print copy), downloaded as a text file
     to hand in, and cleared on request. Nothing is sent anywhere. */
  var fields = [].slice.call(document.querySelectorAll("textarea[data-cbl-field]"));
  var work = document.querySelector(".cbl-work");
  if (fields.length && work) {
    var storeKey = "cbl-work:" + location.pathname;
    var saved = {};
    try { saved = JSON.parse(window.localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { saved = {}; }
    var say = function (text) { work.querySelector(".cbl-work__status").textContent = text; };
    var copyForPrint = function (field) { field.nextElementSibling.textContent = field.value; };
    var save = function () {
      var answers = {};
      fields.forEach(function (field) { if (field.value.trim()) answers[field.getAttribute("data-cbl-field")] = field.value; });
      try {
        if (Object.keys(answers).length) window.localStorage.setItem(storeKey, JSON.stringify(answers));
        else window.localStorage.removeItem(storeKey);
      } catch (e) {
        say("This browser does not let the site keep your answers: download them before you close the page.");
      }
    };
    fields.forEach(function (field) {
      var key = field.getAttribute("data-cbl-field");
      if (typeof saved[key] === "string") field.value = saved[key];
      copyForPrint(field);
      field.addEventListener("input", function () { copyForPrint(field); save(); });
    });
    work.hidden = false;

    /* What each field answers, as a student would write it on paper: the question, or the chart and
       its row and column. */
    var prompt = function (field) {
      var question = field.closest(".cbl-question");
      if (question) return question.querySelector("p").textContent.trim();
      var chart = field.closest(".cbl-organizer");
      var label = field.getAttribute("aria-label");
      return chart ? chart.querySelector("h3").textContent.trim() + " | " + label : label;
    };
    work.querySelector(".cbl-work__download").addEventListener("click", function () {
      var title = document.querySelector(".md-content h1");
      var lines = [(title ? title.textContent.replace("¶", "").trim() : document.title), "", "Name:", "Date: " + new Date().toLocaleDateString(), "", ""];
      fields.forEach(function (field) { lines.push(prompt(field), field.value.trim() || "(no answer)", "", ""); });
      lines.push("Page: " + location.href.split("#")[0]);
      var file = new Blob([lines.join("\r\n")], { type: "text/plain;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = (location.pathname.split("/").filter(Boolean).pop() || "answers").replace(/\.html$/, "") + "-my-answers.txt";
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      say("Your answers were saved as a text file: hand it in as your teacher asks.");
    });
    work.querySelector(".cbl-work__clear").addEventListener("click", function () {
      if (!window.confirm("Clear everything you typed on this page? This cannot be undone.")) return;
      fields.forEach(function (field) { field.value = ""; copyForPrint(field); });
      try { window.localStorage.removeItem(storeKey); } catch (e) { /* nothing was kept */ }
      say("Your answers on this page were cleared.");
    });
  }
})();
