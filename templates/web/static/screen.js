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
  // Never below IDEA_MIN: at 1.2vh 150 ideas were 8.6 px at 1280x720, unread from the
  // back. 2.2vh is the smallest text the room reads on the other steps (the presentation
  // round's table cards); what does not fit at it goes on more pages (pageBoard).
  var IDEA_MIN = 2.2, IDEA_MAX = 3.2;  // vh; the question above is 3.6vh
  function fitBoard() {
    var board = document.getElementById("board");
    if (!board) { return; }
    if (!board.hasAttribute("data-paged")) { pageBoard(board); showPages(); }
    var packed = Number(board.getAttribute("data-columns")) || 4;
    function fits(columns, size) {
      Array.prototype.forEach.call(board.querySelectorAll(".cont-head"), function (head) {
        head.remove();
      });
      board.style.setProperty("--columns", columns);
      board.style.setProperty("--idea", size.toFixed(2) + "vh");
      return !overflows(board);
    }
    var best = { columns: packed, size: IDEA_MIN };
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
    // The names repeated at the tops of columns take room: smaller type until all fits,
    // and at the smallest the columns the page was filled with, where it did fit.
    while (markContinued(board) && overflows(board) && best.size > IDEA_MIN) {
      best.size = Math.max(IDEA_MIN, best.size * 0.95);
      fits(best.columns, best.size);
    }
    if (overflows(board) && best.columns !== packed) {
      fits(packed, IDEA_MIN);
      markContinued(board);
    }
  }
  // The server cuts the board every 60 ideas, but how many fit depends on their length
  // and the screen: at 1024x768 a page of 60 ran off the board's right edge and 20 ideas
  // never showed. The page fills its own pages instead, idea by idea at IDEA_MIN, each
  // page as full as fits, a theme cut across pages headed "(forts.)" on the next; the
  // dots are made again to match. An idea longer than a whole page still gets one.
  // The dots under paged content, one already there while a page is filled: they take
  // height from the pages, which are measured with them in place.
  function pageMarker(box) {
    var marker = box.querySelector(".page-marker");
    if (!marker) {
      marker = document.createElement("p");
      marker.className = "page-marker";
      marker.setAttribute("aria-hidden", "true");
      box.appendChild(marker);
    }
    drawDots(marker, 1);
    return marker;
  }
  function drawDots(marker, count) {
    var dots = [];
    for (var n = 0; n < count; n++) { dots.push("<span class=\"dot\" data-dot=\"" + n + "\"></span>"); }
    marker.innerHTML = dots.join("");
  }
  function pageBoard(board) {
    board.setAttribute("data-paged", "");
    var pager = board.querySelector("[data-pager]");
    var themes = [], byNumber = {};
    Array.prototype.forEach.call(pager.querySelectorAll(".theme"), function (section) {
      var number = section.getAttribute("data-theme");
      if (!byNumber[number]) {
        byNumber[number] = { number: Number(number), section: section, ideas: [] };
        themes.push(byNumber[number]);
      }
      Array.prototype.forEach.call(section.querySelectorAll("li:not(.cont-head)"), function (li) {
        byNumber[number].ideas.push(li);
      });
    });
    if (!themes.length) { return; }  // "the tables' ideas gather here"
    themes.sort(function (a, b) { return a.number - b.number; });
    var label = board.getAttribute("data-continued") || "";
    var marker = pageMarker(board);
    Array.prototype.forEach.call(pager.querySelectorAll(".page"), function (old) { old.remove(); });
    var columns = Math.max(1, Math.min(4, Math.floor(board.clientWidth /
      (20 * IDEA_MIN * window.innerHeight / 100))));  // about 35 characters a line
    board.setAttribute("data-columns", columns);
    board.style.setProperty("--columns", columns);
    board.style.setProperty("--idea", IDEA_MIN + "vh");
    var pages = [];
    var page = null, box = null, list = null;
    function newPage() {
      if (page) { page.hidden = true; }
      page = document.createElement("div");
      page.className = "board-page page";
      pages.push(page);
      pager.appendChild(page);
    }
    function open(theme, continued) {
      box = theme.section.cloneNode(false);
      var head = theme.section.querySelector("h3").cloneNode(true);
      Array.prototype.forEach.call(head.querySelectorAll(".cont"), function (c) { c.remove(); });
      if (continued) {
        var note = document.createElement("span");
        note.className = "cont";
        note.textContent = label;
        head.insertBefore(note, head.firstChild.nextSibling);
        head.insertBefore(document.createTextNode(" "), note);
        head.insertBefore(document.createTextNode(" "), note.nextSibling);  // "lista" after
      }
      box.appendChild(head);
      list = null;
      if (theme.ideas.length) {
        list = document.createElement("ul");
        box.appendChild(list);
      } else {
        box.appendChild(theme.section.querySelector(".empty").cloneNode(true));
      }
      page.appendChild(box);
    }
    function over() {
      Array.prototype.forEach.call(page.querySelectorAll(".cont-head"), function (head) {
        head.remove();
      });
      markContinued(board);
      return overflows(board);
    }
    newPage();
    themes.forEach(function (theme) {
      open(theme, false);
      if (!theme.ideas.length) {
        if (over() && page.childNodes.length > 1) { box.remove(); newPage(); open(theme, false); }
        return;
      }
      theme.ideas.forEach(function (li, n) {
        list.appendChild(li);
        if (!over() || page.querySelectorAll("li:not(.cont-head)").length < 2) { return; }
        li.remove();
        if (!list.childNodes.length) { box.remove(); }
        newPage();
        open(theme, n > 0);
        list.appendChild(li);
      });
    });
    Array.prototype.forEach.call(page.querySelectorAll(".cont-head"), function (head) {
      head.remove();
    });
    pager.setAttribute("data-pages", pages.length);
    if (pages.length < 2) { marker.remove(); return; }
    drawDots(marker, pages.length);
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
        var name = document.createElement("span");
        name.className = "name";
        name.textContent = theme.getAttribute("data-name");
        head.append(name, " ", note);
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
    // Where everyone sits: the question stays larger than the names under it (at
    // 1024x768 it shrank to 20 px under 21.5 px names), and the tables that do not fit
    // go on more pages instead (pageSeating).
    var least = window.innerHeight * 0.026;
    var names = focus.querySelector("#seating .table-card p");
    if (names) {
      least = Math.max(least, 1.2 * parseFloat(window.getComputedStyle(names).fontSize));
      shrinkQuestion(least);
      pageSeating(focus, over);
      showPages();
    }
    // The closing: its points get smaller too (at 1024x768 seven long themes pushed the
    // last point 165 px under the edge, the title shrunk to 20 px), the title staying
    // larger than them.
    var next = focus.querySelector(".next");
    if (next) {
      next.style.removeProperty("--next");
      shrinkQuestion(window.innerHeight * 0.046);
      var point = 3.6;
      while (over() && point > 2.2) {
        point -= 0.2;
        next.style.setProperty("--next", point.toFixed(1) + "vh");
      }
      least = Math.max(least, 1.3 * point * window.innerHeight / 100);
    }
    var cloud = focus.querySelector("#cloud");
    if (cloud) { fitCloud(cloud, over, question); }
    shrinkQuestion(least);
  }
  // The check-out's words: at 1024x768 the cloud ran 209 px under the screen and 283 px
  // past its right edge, and at 16:9 a 27-letter word lost its last letter. The question
  // gives way first, down to 4vh, then the words get smaller, down to 60 % (a one-off
  // word stays 1.6vh), then the lightest words leave, until every word left is whole.
  function fitCloud(cloud, over, question) {
    var words = Array.prototype.slice.call(cloud.querySelectorAll("span"));
    words.forEach(function (word) { word.hidden = false; word.style.fontSize = ""; });
    function cut() {
      return over() || cloud.scrollHeight > cloud.clientHeight + 1 ||
        cloud.scrollWidth > cloud.clientWidth + 1;
    }
    var scale = 1;
    cloud.style.removeProperty("--cloud");
    var size = parseFloat(window.getComputedStyle(question).fontSize);
    while (cut() && size > window.innerHeight * 0.04) {
      size = Math.max(window.innerHeight * 0.04, size * 0.94);
      question.style.fontSize = size.toFixed(1) + "px";
    }
    // A word wider than the cloud is made as small as it needs alone: made smaller with
    // all the others, the rest of the cloud was half the size it had room for.
    var room = cloud.clientWidth - 0.012 * window.innerWidth - 2;
    words.forEach(function (word) {
      var width = word.getBoundingClientRect().width;
      if (width > room) {
        var wordSize = parseFloat(window.getComputedStyle(word).fontSize);
        word.style.fontSize = (wordSize * room / width).toFixed(1) + "px";
      }
    });
    while (cut() && scale > 0.6) {
      scale -= 0.05;
      cloud.style.setProperty("--cloud", scale.toFixed(2));
    }
    var leaving = words.slice().sort(function (a, b) {
      return a.className.localeCompare(b.className);  // "w1" < "w2" ...: lightest first
    });
    for (var n = 0; n < leaving.length - 1 && cut(); n++) { leaving[n].hidden = true; }
  }
  // The server puts 8 or 9 tables on a page, as many as a 1920x1080 screen holds: at
  // 1024x768 the presentation round showed one row of 4, and tables 5-8, 13-15 and the
  // dots were under the bottom edge. The page fills its own pages, a card at a time,
  // each as full as fits with the dots under it; the dots are made to match.
  function pageSeating(focus, over) {
    var seating = focus.querySelector("#seating");
    var pager = seating.querySelector("[data-pager]");
    var cards = Array.prototype.slice.call(pager.querySelectorAll(".table-card"));
    var first = pager.querySelector(".page");
    if (!first || cards.length < 2) { return; }
    var marker = pageMarker(seating);
    var blank = first.cloneNode(false);
    Array.prototype.forEach.call(pager.querySelectorAll(".page"), function (old) { old.remove(); });
    var pages = [], page = null;
    function newPage() {
      if (page) { page.hidden = true; }
      page = blank.cloneNode(false);
      page.hidden = false;
      page.setAttribute("data-page", pages.length);
      pages.push(page);
      pager.appendChild(page);
    }
    newPage();
    cards.forEach(function (card) {
      page.appendChild(card);
      if (page.children.length > 1 && over()) {
        card.remove();
        newPage();
        page.appendChild(card);
      }
    });
    pager.setAttribute("data-pages", pages.length);
    if (pages.length < 2) { marker.remove(); return; }
    drawDots(marker, pages.length);
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
    document.body.classList.toggle("-contrast", state.contrast === true);  // c in cafe run
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
  window.addEventListener("resize", function () {
    var board = document.getElementById("board");
    if (board) { board.removeAttribute("data-paged"); }  // another screen, other pages
    fitBoard(); fitFocus();
  });
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
