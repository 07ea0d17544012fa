// The co-host console, live. Every button is a plain form that works without this script;
// with it, a form is posted in the background and the console's parts are swapped for the
// ones the server sends back (rendered and escaped by its templates), server-sent events
// bring changes made at the laptop or by phones, and the timer counts down locally.
// A part holding a field in use (a theme name being typed, a theme being picked) waits
// until the field is left, so an update never takes text from under the co-host's thumb.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live || !window.fetch || !window.DOMParser || !window.URLSearchParams) { return; }
  var base = null;          // {remaining, at, running}
  var held = {};            // part id -> its newest markup, kept while a field in it is in use

  function format(seconds) {
    var sign = seconds < 0 ? "-" : "";
    var total = seconds < 0 ? Math.floor(-seconds) : Math.ceil(seconds);
    var m = Math.floor(total / 60), s = total % 60;
    return sign + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }
  function readTimer() {
    var el = document.getElementById("timer");
    if (!el || !el.hasAttribute("data-remaining")) { base = null; return; }
    base = {
      remaining: Number(el.getAttribute("data-remaining")),
      at: performance.now(),
      running: el.getAttribute("data-running") === "1"
    };
  }
  function setTimer(timer) {
    if (!timer) { base = null; return; }
    base = { remaining: timer.remaining, at: performance.now(), running: timer.running };
    draw();
  }
  function draw() {
    var el = document.getElementById("timer");
    if (!base || !el) { return; }
    var left = base.remaining;
    if (base.running) { left -= (performance.now() - base.at) / 1000; }
    var shown = format(left);
    if (el.textContent !== shown) { el.textContent = shown; }
    if (base.running) {
      var cls = "timer -" + (left <= 0 ? "overtime" : (left <= 120 ? "warning" : "running"));
      if (el.className !== cls) { el.className = cls; }
    }
  }

  // A box just ticked keeps the focus but holds no typing: its part follows the laptop
  // (the ticks are carried over), or the board stood still, unsaid, while one sorted.
  function inUse(part) {
    var active = document.activeElement;
    if (!active || active === document.body || !part.contains(active)) { return false; }
    if (active.tagName === "INPUT" && (active.type === "checkbox" || active.type === "radio")) {
      return false;
    }
    if (active.id === "board-search") { return false; }  // its words outlive the redraw
    return active.tagName === "INPUT" || active.tagName === "SELECT" || active.tagName === "TEXTAREA";
  }
  function keepFolds(old, fresh) {
    var open = {};
    if (old.tagName === "DETAILS" && old.id) { open[old.id] = old.open; }
    Array.prototype.forEach.call(old.querySelectorAll("details[id]"), function (d) { open[d.id] = d.open; });
    var mine = fresh.tagName === "DETAILS" ? [fresh] : [];
    mine.concat(Array.prototype.slice.call(fresh.querySelectorAll("details[id]"))).forEach(function (d) {
      if (Object.prototype.hasOwnProperty.call(open, d.id)) { d.open = open[d.id]; }
    });
  }
  // The ideas ticked on the board stay ticked when a change made elsewhere redraws it;
  // the answer to this console's own Move comes back with none ticked.
  function keepPicks(old, fresh) {
    Array.prototype.forEach.call(old.querySelectorAll("input[name=pick]:checked"), function (box) {
      var again = fresh.querySelector("#" + box.id);
      if (again) { again.checked = true; }
    });
    var chosen = old.querySelector("#move-to");
    var chosenAgain = fresh.querySelector("#move-to");
    if (chosen && chosenAgain && chosen.value) { chosenAgain.value = chosen.value; }
  }
  // The row at the top of the screen stays where it is on the screen when parts are
  // swapped: ideas arriving from eight tables at once went in above it, the rows slid
  // down under the co-host's thumb, and a tap on Hide hid another table's idea.
  function screenAnchor() {
    var rows = live.querySelectorAll(".row[id], section[id], details[id]");
    for (var i = 0; i < rows.length; i++) {
      var box = rows[i].getBoundingClientRect();
      if (box.height > 0 && box.top >= 0) { return { id: rows[i].id, top: box.top }; }
    }
    return null;
  }
  function keepOnScreen(anchor) {
    var el = anchor && document.getElementById(anchor.id);
    if (!el) { return; }
    var moved = el.getBoundingClientRect().top - anchor.top;
    if (Math.abs(moved) >= 1) { window.scrollBy(0, moved); }
  }
  // Swap each [data-part] of `root` into the page. `own`: the answer to this console's own
  // button, which also carries its notice; live updates leave the notice where it is.
  function swap(root, own) {
    var focused = document.activeElement && document.activeElement.id;
    var anchor = screenAnchor();
    var waiting = [];
    // A refusal ("tick two ideas to merge") keeps the ticks, to add the one missing.
    var keepTicks = !own || root.querySelector("#messages[data-refused]") !== null;
    heldNote(false);
    Array.prototype.forEach.call(root.querySelectorAll("[data-part]"), function (part) {
      var old = document.getElementById(part.id);
      if (!old) { return; }
      if (!own && part.id === "messages") { return; }
      if (!own && inUse(old)) { waiting.push(part); return; }
      keepFolds(old, part);
      var fresh = document.importNode(part, true);
      if (keepTicks) { keepPicks(old, fresh); }
      old.parentNode.replaceChild(fresh, old);
    });
    if (focused) {
      var again = document.getElementById(focused);
      if (again && again !== document.activeElement) { again.focus({ preventScroll: true }); }
    }
    keepOnScreen(anchor);
    readTimer();
    draw();
    searchBoard();
    return waiting;
  }
  // The board narrowed to the ideas holding every typed word (accents and case aside).
  // The words outlive the board's redraws; ticks on rows out of sight stay ticked.
  var searchWords = "";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function searchBoard() {
    var field = document.getElementById("board-search");
    if (!field) { return; }
    field.parentNode.hidden = false;
    if (field.value !== searchWords) {  // a fresh board after a redraw: the words again
      field.value = searchWords;
      field.setSelectionRange(searchWords.length, searchWords.length);
    }
    var words = fold(field.value).split(/\s+/).filter(Boolean);
    var rows = document.querySelectorAll("#board li.row.-pick");
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var text = fold(row.querySelector(".text span").textContent);
      row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      if (!row.hidden) { shown += 1; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("#board section.theme"), function (theme) {
      var ideas = theme.querySelectorAll("li.row.-pick");
      theme.hidden = words.length > 0 && (ideas.length === 0 ||
        Array.prototype.every.call(ideas, function (row) { return row.hidden; }));
    });
    var count = document.getElementById("board-search-count");
    count.textContent = words.length ? field.getAttribute("data-count")
      .replace("{shown}", shown).replace("{count}", rows.length) : "";
  }
  document.addEventListener("input", function (event) {
    if (event.target.id !== "board-search") { return; }
    searchWords = event.target.value;
    searchBoard();
  });
  function parse(html) {
    return new DOMParser().parseFromString(html, "text/html").body;
  }
  // A live update carries only the parts that changed; a part kept back while a field in
  // it is in use waits here, by id, until a newer one comes or the field is left.
  function applyLive(html) {
    var root = parse(html);
    Array.prototype.forEach.call(root.querySelectorAll("[data-part]"), function (part) {
      delete held[part.id];  // this one is newer
    });
    swap(root, false).forEach(function (part) { held[part.id] = part.outerHTML; });
    heldNote(Object.keys(held).length > 0);
  }
  // Said under the field in use while updates wait for it: the console stood still,
  // unsaid, and a rename typed there replaced one made at the laptop meanwhile.
  // Between uses it waits outside the parts, or a swapped part would take it along.
  function heldNote(show) {
    var note = document.getElementById("held-note");
    var home = document.getElementById("not-done");
    var active = document.activeElement;
    if (!note) { return; }
    if (!show || !active || active === document.body) {
      note.hidden = true;
      if (home && live.contains(note)) { home.after(note); }
      return;
    }
    (active.closest(".field-row") || active).after(note);
    note.hidden = false;
  }
  // A box reached with Tab must not sit under the bars kept in sight (the board's bar at
  // the foot, a notice with Undo at the top): Space ticked an idea nobody could see.
  document.addEventListener("focusin", function (event) {
    var el = event.target;
    var board = document.getElementById("board");
    if (!el || !el.getBoundingClientRect || !board || !board.contains(el)) { return; }
    var bar = document.getElementById("move-form");
    var top = document.querySelector(".messages.-sticky");
    var box = el.getBoundingClientRect();
    var floor = bar && !bar.contains(el) ? bar.getBoundingClientRect().top : window.innerHeight;
    var ceiling = top ? top.getBoundingClientRect().bottom : 0;
    if (box.bottom > floor) {
      window.scrollBy(0, box.bottom - floor + 8);
    } else if (box.top < ceiling) {
      window.scrollBy(0, box.top - ceiling - 8);
    }
  });
  document.addEventListener("focusout", function () {
    window.setTimeout(function () {
      var waiting = Object.keys(held).map(function (id) { return held[id]; });
      held = {};
      heldNote(false);
      if (waiting.length) { applyLive(waiting.join("")); }
    }, 0);
  });

  function seq(value) {
    if (value !== null && value !== undefined) { document.body.setAttribute("data-seq", String(value)); }
  }
  function send(form, button) {
    var body = new URLSearchParams(new FormData(form));
    // A row's button belongs to its section's form and names the row (name="id").
    if (button && button.name) { body.append(button.name, button.value); }
    if (button) { button.disabled = true; }
    window.fetch(form.getAttribute("action"), {
      method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "text/html" }
    }).then(function (response) {
      return response.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var root = doc.getElementById("live");
      if (!root) {   // not the console: the code was revoked, or the laptop said no
        document.title = doc.title;
        document.body.replaceWith(document.importNode(doc.body, true));
        return;
      }
      swap(root, true);
      var editing = document.getElementById("edit-text");  // "Edit text": straight to typing
      if (editing && button && button.id === "b-edit") { editing.focus(); }
      held = {};
      heldNote(false);
      seq(root.getAttribute("data-seq"));
    }).catch(function () {
      if (button) { button.disabled = false; }
      document.body.setAttribute("data-live", "0");
      notDone(button && !form.contains(button) ? button : form);
    });
  }
  // A tap the laptop never got says so where it was made: the button simply came back,
  // and the banner at the top (maybe scrolled away) was all there was.
  function notDone(where) {
    var template = document.getElementById("not-done");
    if (!template) { return; }
    document.querySelectorAll(".not-done.-shown").forEach(function (old) { old.remove(); });
    var shown = template.cloneNode(true);
    shown.removeAttribute("id");
    shown.hidden = false;
    shown.classList.add("-shown");
    where.after(shown);
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("act")) { return; }
    event.preventDefault();
    var button = event.submitter || form.querySelector("button");
    // A tap that takes something away from the room (a sign-up list people are still
    // signing on) asks first, as the laptop does.
    var question = button && button.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { return; }
    send(form, button);
  });

  readTimer();
  // The feed comes back by itself after a refusal or a drop, whatever the status: see
  // screen.js (1, 2, 4 ... at most 30 seconds, a little at random).
  var retryMs = 1000;
  var retryTimer = null;
  function connect() {
    retryTimer = null;
    var source = new EventSource(live.getAttribute("data-events"));
    source.onmessage = function (message) {
      var data = JSON.parse(message.data);
      if (data.type === "state" && typeof data.html === "string") { applyLive(data.html); }
      setTimer(data.timer);
      retryMs = 1000;
      document.body.setAttribute("data-live", "1");
      document.querySelectorAll(".not-done.-shown").forEach(function (old) { old.remove(); });
      seq(data.seq);
    };
    source.onerror = function () {
      document.body.setAttribute("data-live", "0");
      source.close();
      if (retryTimer === null) {
        retryTimer = window.setTimeout(connect, retryMs * (0.75 + Math.random() / 2));
        retryMs = Math.min(retryMs * 2, 30000);
      }
      retiredCheck();
    };
  }
  // A feed refused because the console's code was replaced looked like a lost laptop
  // ("no contact ... trying again") for good: the page itself says which it is.
  function retiredCheck() {
    window.fetch(window.location.pathname, {
      credentials: "same-origin", headers: { "Accept": "text/html" }
    }).then(function (response) {
      if (response.status !== 404) { return; }
      return response.text().then(function (text) {
        window.clearTimeout(retryTimer);
        var doc = new DOMParser().parseFromString(text, "text/html");
        document.title = doc.title;
        document.body.replaceWith(document.importNode(doc.body, true));
      });
    }).catch(function () { /* the laptop is away: the banner says so, the feed retries */ });
  }
  // A phone taken out of a pocket waited out its retry (up to 30 s) showing the old step
  // with its clock counting: on waking or coming back online the feed reconnects now.
  function reconnectNow() {
    if (retryTimer === null || document.hidden) { return; }
    window.clearTimeout(retryTimer);
    retryMs = 1000;
    connect();
  }
  if (window.EventSource) {
    connect();
    document.addEventListener("visibilitychange", reconnectNow);
    window.addEventListener("online", reconnectNow);
    window.addEventListener("focus", reconnectNow);
  }
  searchBoard();
  window.setInterval(draw, 250);
})();
