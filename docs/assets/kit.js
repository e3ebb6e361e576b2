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
})();
