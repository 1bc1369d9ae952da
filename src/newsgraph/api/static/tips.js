// Hover panel for the annotated text: shows the details of every annotation under the pointer
// (a quote, the entity inside it, …), which one native title tooltip cannot. Text only, never HTML.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var text = document.querySelector(".annotated");
  if (!tip || !text) return;
  text.querySelectorAll("[title]").forEach(function (el) {
    el.setAttribute("data-tip", el.getAttribute("title"));
    el.removeAttribute("title");
  });
  function show(event) {
    var lines = [];
    for (var el = event.target; el && el !== text; el = el.parentElement) {
      if (el.hasAttribute && el.hasAttribute("data-tip")) lines.unshift(el.getAttribute("data-tip"));
    }
    if (!lines.length) { tip.hidden = true; return; }
    tip.textContent = "";
    lines.forEach(function (line) {
      var div = document.createElement("div");
      div.textContent = line;
      tip.appendChild(div);
    });
    tip.hidden = false;
    var x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = event.clientY + 18;
    if (y + tip.offsetHeight > window.innerHeight) y = event.clientY - tip.offsetHeight - 12;
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  text.addEventListener("mousemove", show);
  text.addEventListener("mouseleave", function () { tip.hidden = true; });
})();
