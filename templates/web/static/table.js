// The table page: what a table host typed survives a send that never reached the laptop
// (a flat battery, a closed lid, the venue's Wi-Fi) and a trip Back. The form is posted
// in the background: if nothing answers, the text stays with a note to send it again
// (before, the phone showed its own "site can't be reached" page and the text was gone,
// or Back brought an earlier round's ideas into this round's box). What is typed is kept
// on the phone per round until the laptop has it. Without this script the form posts as
// before.
//
// The laptop's answer is shown from the answer itself, without asking the laptop again:
// a laptop that died just after answering left the browser's own error page. A send
// with no answer after WAIT ms says it was not confirmed and keeps the text: sending
// it again is safe, the laptop stores each line once (the page keeps its submission id).
(function () {
  "use strict";
  var WAIT = 15000;

  function start() {
    var form = document.getElementById("ideas-form");
    var box = document.getElementById("ideas");
    var button = document.getElementById("send");
    var notSent = document.getElementById("not-sent");
    var notConfirmed = document.getElementById("not-confirmed");
    var kept = document.getElementById("draft-kept");
    if (!form || !box || !button || !window.fetch || !window.URLSearchParams) { return; }
    var store = null;
    try { store = window.localStorage; } catch (e) { store = null; }
    var key = "cafe-draft:" + location.pathname + ":" + (form.getAttribute("data-round") || "0");
    var label = button.textContent;

    function keep() {
      if (!store) { return; }
      try {
        if (box.value.trim()) { store.setItem(key, box.value); } else { store.removeItem(key); }
      } catch (e) { /* a full or private store: the text is still in the box */ }
    }
    var sentNote = document.getElementById("sent");
    if (store) {
      if (sentNote) {
        store.removeItem(key);  // the laptop has it
        var into = sentNote.getAttribute("data-round");  // sent into an earlier round
        if (into) { store.removeItem("cafe-draft:" + location.pathname + ":" + into); }
      } else if (document.getElementById("sent-part")) {
        keep();  // the laptop has the first lines: the rest in the box is what is kept
      } else {
        var draft = store.getItem(key);
        if (draft && !box.value.trim()) { box.value = draft; if (kept) { kept.hidden = false; } }
      }
    }
    box.addEventListener("input", function () {
      keep();
      if (kept) { kept.hidden = true; }
    });
    // The page stays open on the table all evening: when the co-hosts start the next round
    // it shows that round's question. Before, the next round's ideas were filed under the
    // round the page was opened in, and the facilitator was not told. Text typed for the
    // old round stays, and goes to that round, with a note saying so.
    var shown = form.getAttribute("data-round") || "0";
    var roundUrl = form.getAttribute("data-round-url");
    var moved = document.getElementById("round-moved");
    var asking = false;
    var sending = false;
    function checkRound() {
      if (!roundUrl || asking || sending || document.hidden) { return; }
      asking = true;
      fetch(roundUrl, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (now) {
        asking = false;
        if (!now || String(now.round) === shown || sending) { return; }
        if (!box.value.trim()) {
          var lang = new URLSearchParams(location.search).get("lang");  // not "Sent!" again
          location.replace(location.pathname + (lang ? "?lang=" + encodeURIComponent(lang) : ""));
        } else if (moved && moved.hidden && shown !== "0") {
          moved.hidden = false;
          if (sentNote) { sentNote.hidden = true; }  // "Sent!" was about the round before
        }
      }).catch(function () { asking = false; });
    }
    var poll = null;
    if (roundUrl) {
      poll = window.setInterval(checkRound, 10000);
      document.addEventListener("visibilitychange", checkRound);
      window.addEventListener("focus", checkRound);
    }
    function stop() {
      if (poll !== null) { window.clearInterval(poll); }
      document.removeEventListener("visibilitychange", checkRound);
      window.removeEventListener("focus", checkRound);
    }

    // The answer's page in place of this one: its body, title and address, and this
    // script started again on it.
    function show(response, html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      if (!page.body || !page.body.firstElementChild) { return false; }
      stop();
      document.title = page.title;
      if (page.documentElement.lang) { document.documentElement.lang = page.documentElement.lang; }
      document.body.replaceWith(document.adoptNode(page.body));
      try { history.replaceState(null, "", response.url); } catch (e) { /* same page */ }
      window.scrollTo(0, 0);
      start();
      return true;
    }

    function failed(note) {
      sending = false;
      button.disabled = false;
      button.textContent = label;
      if (note) { note.hidden = false; note.scrollIntoView({ block: "nearest" }); }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (sending) { return; }
      keep();
      sending = true;
      button.disabled = true;
      button.textContent = button.getAttribute("data-sending") || label;
      if (notSent) { notSent.hidden = true; }
      if (notConfirmed) { notConfirmed.hidden = true; }
      var control = window.AbortController ? new AbortController() : null;
      var late = false;
      var timer = window.setTimeout(function () {
        late = true;
        if (control) { control.abort(); }
        failed(notConfirmed || notSent);
      }, WAIT);
      var answered = null;
      fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        credentials: "same-origin",
        signal: control ? control.signal : undefined
      }).then(function (response) {
        answered = response;
        return response.text();
      }).then(function (html) {
        window.clearTimeout(timer);
        if (late) { return; }  // said "not confirmed" already; a new tap sends again
        if (!show(answered, html)) { form.submit(); }  // no page: the server's own answer
      }).catch(function () {
        window.clearTimeout(timer);
        if (!late) { failed(notSent); }
      });
    });
  }
  start();
})();
