// The projector page, live. Server-sent events carry each change with the stage as the
// server rendered it (escaped by the same templates as the page itself, so nothing typed
// on a phone becomes markup); the timer counts down locally between events; long lists
// turn their pages by themselves; a chime sounds when a cafe round ends.
(function () {
  "use strict";
  var stage = document.getElementById("stage");
  if (!stage || !window.EventSource) { return; }
  var pageSeconds = Number(stage.getAttribute("data-page-seconds")) || 12;
  var base = null;          // {remaining, at, running, phase}
  var lastShown = null;
  var kind = stage.getAttribute("data-kind") || "";
  var audio = null;
  var shownPage = {};       // pager name -> page index, kept across live updates
  var turnedAt = performance.now();

  function format(seconds) {
    var sign = seconds < 0 ? "-" : "";
    var total = seconds < 0 ? Math.floor(-seconds) : Math.ceil(seconds);
    var m = Math.floor(total / 60), s = total % 60;
    return sign + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  function chime() {
    if (!audio) { return; }
    [0, 0.35, 0.7].forEach(function (offset, i) {
      var osc = audio.createOscillator(), gain = audio.createGain();
      osc.frequency.value = [660, 880, 660][i];
      gain.gain.setValueAtTime(0.0001, audio.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.4, audio.currentTime + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + offset + 0.6);
      osc.connect(gain); gain.connect(audio.destination);
      osc.start(audio.currentTime + offset); osc.stop(audio.currentTime + offset + 0.65);
    });
  }
  var soundButton = document.getElementById("sound");
  if (soundButton && (window.AudioContext || window.webkitAudioContext)) {
    soundButton.hidden = false;
    soundButton.addEventListener("click", function () {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      audio.resume(); soundButton.hidden = true;
    });
  }

  function setTimer(timer) {
    var timerEl = document.getElementById("timer");
    if (!timerEl) { return; }
    if (!timer) { base = null; timerEl.textContent = ""; timerEl.className = "timer -none"; return; }
    base = { remaining: timer.remaining, at: performance.now(), running: timer.running, phase: timer.phase };
    draw();
  }
  function draw() {
    var timerEl = document.getElementById("timer");
    if (!base || !timerEl) { return; }
    var left = base.remaining;
    if (base.running) { left -= (performance.now() - base.at) / 1000; }
    var phase = base.phase;
    if (base.running) { phase = left <= 0 ? "overtime" : (left <= 120 ? "warning" : "running"); }
    var shown = format(left);
    if (timerEl.textContent !== shown) { timerEl.textContent = shown; }
    var cls = "timer -" + phase;
    if (timerEl.className !== cls) { timerEl.className = cls; }
    if (lastShown !== null && lastShown > 0 && left <= 0 && base.running && kind === "cafe_round") { chime(); }
    lastShown = left;
  }

  // Long lists (tables, the idea board) come in pages: show one, turn every few seconds.
  function showPages() {
    var pagers = stage.querySelectorAll("[data-pager]");
    Array.prototype.forEach.call(pagers, function (pager) {
      var name = pager.getAttribute("data-pager");
      var pages = pager.querySelectorAll(".page");
      var count = pages.length;
      var index = (shownPage[name] || 0) % (count || 1);
      shownPage[name] = index;
      Array.prototype.forEach.call(pages, function (page, n) { page.hidden = n !== index; });
      var dots = pager.parentNode.querySelectorAll("[data-dot]");
      Array.prototype.forEach.call(dots, function (dot, n) {
        dot.className = "dot" + (n === index ? " -on" : "");
      });
    });
  }
  // The board's type is as large as the page of ideas allows (the room reads them to
  // theme them): at 26 ideas it stayed at the smallest size, in the top half of the
  // screen. Each column count from 1 to 4 gets the largest size that fits (a binary
  // search); the fewest columns within 5 % of the best size win.
  var IDEA_MIN = 1.2, IDEA_MAX = 3.2;  // vh; the question above is 3.6vh
  function fitBoard() {
    var board = document.getElementById("board");
    if (!board) { return; }
    function fits(columns, size) {
      Array.prototype.forEach.call(board.querySelectorAll(".cont-head"), function (head) {
        head.remove();
      });
      board.style.setProperty("--columns", columns);
      board.style.setProperty("--idea", size.toFixed(2) + "vh");
      return !overflows(board);
    }
    var best = { columns: 4, size: IDEA_MIN };
    var sizes = [];
    for (var columns = 1; columns <= 4; columns++) {
      var low = IDEA_MIN, high = IDEA_MAX;
      if (fits(columns, high)) { low = high; }
      else if (!fits(columns, low)) { sizes.push(0); continue; }
      else {
        for (var step = 0; step < 5; step++) {
          var middle = (low + high) / 2;
          if (fits(columns, middle)) { low = middle; } else { high = middle; }
        }
      }
      sizes.push(low);
    }
    var largest = Math.max.apply(null, sizes);
    for (var n = 0; n < sizes.length && largest > 0; n++) {
      if (sizes[n] >= largest * 0.95) { best = { columns: n + 1, size: sizes[n] }; break; }
    }
    fits(best.columns, best.size);
    // The names repeated at the tops of columns take room: smaller type until all fits.
    while (markContinued(board) && overflows(board) && best.size > IDEA_MIN) {
      best.size = Math.max(IDEA_MIN, best.size * 0.95);
      fits(best.columns, best.size);
    }
  }
  // A theme that runs on into the next column gets its name again at the top of it: the
  // room read a column of ideas without knowing what theme they were. Returns whether
  // any name was repeated.
  function markContinued(board) {
    var label = board.getAttribute("data-continued") || "";
    var page = board.querySelector(".board-page:not([hidden])");
    var marked = false;
    if (!page) { return marked; }
    Array.prototype.forEach.call(page.querySelectorAll(".theme"), function (theme) {
      if (theme.getClientRects().length < 2) { return; }
      var items = theme.querySelectorAll("li");
      var left = items.length ? items[0].getBoundingClientRect().left : 0;
      for (var i = 1; i < items.length; i++) {
        var x = items[i].getBoundingClientRect().left;
        if (x <= left + 1) { continue; }
        var head = document.createElement("li");
        head.className = "cont-head";
        head.setAttribute("aria-hidden", "true");  // read once, at the theme's heading
        var note = document.createElement("span");
        note.className = "cont";
        note.textContent = label;
        head.append(theme.getAttribute("data-name") + " ", note);
        items[i].parentNode.insertBefore(head, items[i]);
        left = items[i].getBoundingClientRect().left;
        marked = true;
      }
    });
    return marked;
  }
  // A long purpose or question (a long challenge spelled out in it) gets smaller type
  // until everything the step shows fits above the bottom of the screen. With sign-up
  // lists the question gives way first, down to 4vh, then the lists (smaller type, then
  // two columns), then the question again: with 12 themes the 11th list ran under the
  // bottom edge and the 12th was not seen.
  function fitFocus() {
    var focus = document.getElementById("focus");
    var question = focus && focus.querySelector(".big-question");
    if (!question) { return; }
    var lists = focus.querySelector(".lists");
    function over() { return focus.scrollHeight > focus.clientHeight + 1; }
    question.style.fontSize = "";
    var size = parseFloat(window.getComputedStyle(question).fontSize);
    function shrinkQuestion(least) {
      while (size > least && over()) {
        size = Math.max(least, size * 0.94);
        question.style.fontSize = size.toFixed(1) + "px";
      }
    }
    if (lists) {
      lists.style.removeProperty("--list");
      lists.classList.remove("-two");
      shrinkQuestion(window.innerHeight * 0.04);
      shrinkLists(lists, over);
    }
    shrinkQuestion(window.innerHeight * 0.026);
  }
  function shrinkLists(lists, over) {
    var size = 4;
    while (over() && size > 2.4) {
      size -= 0.2;
      lists.style.setProperty("--list", size.toFixed(1) + "vh");
    }
    if (!over()) { return; }
    lists.classList.add("-two");
    size = 3.2;
    lists.style.setProperty("--list", size + "vh");
    while (over() && size > 1.8) {
      size -= 0.2;
      lists.style.setProperty("--list", size.toFixed(1) + "vh");
    }
  }
  function overflows(box) {
    var limit = box.getBoundingClientRect();
    var items = box.querySelectorAll(".page:not([hidden]) li, .page:not([hidden]) h3");
    for (var i = 0; i < items.length; i++) {
      var r = items[i].getBoundingClientRect();
      if (r.bottom > limit.bottom + 1 || r.right > limit.right + 1) { return true; }
    }
    return false;
  }

  function turnPages() {
    if (performance.now() - turnedAt < pageSeconds * 1000) { return; }
    turnedAt = performance.now();
    var pagers = stage.querySelectorAll("[data-pager]");
    Array.prototype.forEach.call(pagers, function (pager) {
      var name = pager.getAttribute("data-pager");
      var count = pager.querySelectorAll(".page").length;
      if (count > 1) { shownPage[name] = ((shownPage[name] || 0) + 1) % count; }
    });
    showPages();
    fitBoard();
  }

  function setState(state) {
    var step = state.step;
    var newKind = step ? step.kind : "";
    if (newKind !== kind) { lastShown = null; shownPage = {}; turnedAt = performance.now(); }
    kind = newKind;
    stage.setAttribute("data-kind", kind);
    stage.setAttribute("data-layout", state.layout || "");
    stage.className = "stage -" + (state.layout || "");
    if (typeof state.html === "string") {
      stage.innerHTML = state.html;   // rendered and escaped by the server's templates
      showPages();
      fitBoard();
      fitFocus();
    }
    setTimer(state.timer);
  }

  showPages();
  fitBoard();
  fitFocus();
  window.addEventListener("resize", function () { fitBoard(); fitFocus(); });
  // The feed. EventSource gives up for good after a refusal (a 503 when the laptop has too
  // many screens connected) and retries a drop only on its own terms, so on any error the
  // page closes it and opens a new one itself: after 1, 2, 4 ... at most 30 seconds, a
  // little at random so that screens do not all come back at once. The first message of a
  // new feed is the whole state, so nothing missed in between stays missed.
  var retryMs = 1000;
  var retryTimer = null;
  function connect() {
    retryTimer = null;
    var source = new EventSource(stage.getAttribute("data-events"));
    source.onmessage = function (message) {
      var data = JSON.parse(message.data);
      if (data.type === "state") { setState(data); } else if (data.type === "tick") { setTimer(data.timer); }
      retryMs = 1000;
      document.body.setAttribute("data-live", "1");
      document.body.setAttribute("data-seq", String(data.seq));
    };
    source.onerror = function () {
      document.body.setAttribute("data-live", "0");
      source.close();
      if (retryTimer === null) {
        retryTimer = window.setTimeout(connect, retryMs * (0.75 + Math.random() / 2));
        retryMs = Math.min(retryMs * 2, 30000);
      }
    };
  }
  connect();
  window.setInterval(function () { draw(); turnPages(); }, 250);
})();
