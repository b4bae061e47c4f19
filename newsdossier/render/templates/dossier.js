(function () {
  "use strict";
  var SEL = ".cite[data-a]";
  function rangeFor(container, start, end) {
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    var pos = 0, node, range = document.createRange(), startSet = false;
    while ((node = walker.nextNode())) {
      var len = node.nodeValue.length;
      if (!startSet && start <= pos + len) { range.setStart(node, start - pos); startSet = true; }
      if (startSet && end <= pos + len) { range.setEnd(node, end - pos); return range; }
      pos += len;
    }
    return null;
  }
  // Deferred markup waits in inert data blocks (<script type="text/html">, never run); it was
  // written by the page's own autoescaping template, so it is parsed as the page itself was.
  function markupOf(id) {
    var src = document.getElementById(id);
    if (!src) { return null; }
    var html = src.textContent;
    src.remove();
    return html;
  }
  function fill(box) {
    if (!box || !box.dataset.lazy) { return box; }
    var html = markupOf("tpl-" + box.id.slice(5));
    if (html !== null) { box.insertAdjacentHTML("beforeend", html); }
    delete box.dataset.lazy;
    return box;
  }
  function expand(el) {
    var html = markupOf(el.dataset.more), into = el.dataset.into && document.getElementById(el.dataset.into);
    delete el.dataset.more;
    if (html === null) { return; }
    var drop = el.dataset.drop && document.getElementById(el.dataset.drop);
    if (drop) { drop.remove(); }
    if (into) { into.insertAdjacentHTML("beforeend", html); } else { el.insertAdjacentHTML("beforebegin", html); }
  }
  if (window.IntersectionObserver) {
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) { if (en.isIntersecting) { fill(en.target); seen.unobserve(en.target); } });
    }, {rootMargin: "400px"});
    document.querySelectorAll(".text[data-lazy]").forEach(function (b) { seen.observe(b); });
  } else {
    document.querySelectorAll(".text[data-lazy]").forEach(fill);
  }
  function spanOf(a, s, e) {
    var box = fill(document.getElementById("text-" + a));
    if (!box) { return null; }
    var range = rangeFor(box, parseInt(s, 10), parseInt(e, 10));
    return range ? {box: box, range: range, a: a, s: s, e: e} : null;
  }
  function revealIn(box, range) {
    var art = box.closest(".art"), strip = art && art.parentElement;
    if (!art) { return; }
    if (strip && strip.scrollWidth > strip.clientWidth) {
      var left = art.offsetLeft - strip.offsetLeft - 8;
      if (left < strip.scrollLeft || left + art.offsetWidth > strip.scrollLeft + strip.clientWidth) {
        strip.scrollLeft = left;
      }
    }
    var rect = range.getBoundingClientRect(), top = art.getBoundingClientRect().top;
    art.scrollTop += rect.top - top - art.clientHeight / 3;
  }
  var evidence = document.getElementById("evidence");
  function showEvidence(hit, label) {
    if (!evidence) { return; }
    var text = hit.box.textContent, s = parseInt(hit.s, 10), e = parseInt(hit.e, 10);
    var from = Math.max(0, text.lastIndexOf("\n", Math.max(0, s - 1)) + 1, s - 300);
    var nl = text.indexOf("\n", e), to = Math.min(nl < 0 ? text.length : nl, e + 300);
    var head = evidence.querySelector(".ev-label"), p = evidence.querySelector(".ev-text");
    head.textContent = label;
    while (p.firstChild) { p.removeChild(p.firstChild); }
    var mark = document.createElement("mark");
    mark.textContent = text.slice(s, e);
    p.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, s)));
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(e, to) + (to < text.length ? "…" : "")));
    evidence.classList.add("open");
  }
  var current = null, currentArt = null;
  function show(el, reveal) {
    var hit = spanOf(el.dataset.a, el.dataset.s, el.dataset.e);
    if (!hit) { return; }
    var ranges = [hit.range];
    if (el.dataset.also) {
      var p = el.dataset.also.split(":"), other = spanOf(p[0], p[1], p[2]);
      if (other) { ranges.push(other.range); }
    }
    if (current) { current.classList.remove("on"); }
    current = el; el.classList.add("on");
    if (currentArt) { currentArt.classList.remove("active"); }
    currentArt = hit.box.closest(".art");
    if (currentArt) { currentArt.classList.add("active"); }
    if (window.CSS && CSS.highlights && window.Highlight) {
      var h = new Highlight();
      ranges.forEach(function (r) { h.add(r); });
      CSS.highlights.set("cite", h);
    } else {
      var sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(hit.range);
    }
    document.body.dataset.highlight = hit.a + ":" + hit.s + ":" + hit.e;
    document.body.dataset.highlightText = hit.range.toString();
    revealIn(hit.box, hit.range);
    if (reveal) {
      var title = hit.box.closest(".art").querySelector("h3");
      showEvidence(hit, title ? title.textContent : "");
    }
  }
  function target(ev) { return ev.target && ev.target.closest ? ev.target.closest(SEL) : null; }
  document.addEventListener("mouseover", function (ev) { var el = target(ev); if (el) { show(el, false); } });
  document.addEventListener("focusin", function (ev) { var el = target(ev); if (el) { show(el, false); } });
  document.addEventListener("click", function (ev) {
    var more = ev.target && ev.target.closest ? ev.target.closest("button.more[data-more]") : null;
    if (more) {
      expand(more);
      more.remove();
      return;
    }
    var el = target(ev);
    if (el) { ev.preventDefault(); show(el, true); }
  });
  document.addEventListener("keydown", function (ev) {
    var el = document.activeElement;
    if (ev.key === "Enter" && el && el.matches && el.matches(SEL)) { ev.preventDefault(); show(el, true); }
    if (ev.key === "Escape" && evidence) { evidence.classList.remove("open"); }
  });
  // a <details> whose rows are deferred fills them the first time it is opened
  document.addEventListener("toggle", function (ev) {
    var el = ev.target;
    if (el && el.tagName === "DETAILS" && el.open && el.dataset.more) { expand(el); }
  }, true);
  var close = document.getElementById("ev-close");
  if (close) { close.addEventListener("click", function () { evidence.classList.remove("open"); }); }
  var toggle = document.getElementById("ents");
  if (toggle) { toggle.addEventListener("change", function () { document.body.classList.toggle("no-ents", !toggle.checked); }); }
})();
