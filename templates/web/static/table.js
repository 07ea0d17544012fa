// The table page: what a table host typed survives a send that never reached the laptop
// (a flat battery, a closed lid, the venue's Wi-Fi) and a trip Back. The form is posted
// in the background: if nothing answers, the text stays with a note to send it again
// (before, the phone showed its own "site can't be reached" page and the text was gone,
// or Back brought an earlier round's ideas into this round's box). What is typed is kept
// on the phone per round until the laptop has it. Without this script the form posts as
// before.
(function () {
  "use strict";
  var form = document.getElementById("ideas-form");
  var box = document.getElementById("ideas");
  var button = document.getElementById("send");
  var notSent = document.getElementById("not-sent");
  var kept = document.getElementById("draft-kept");
  if (!form || !box || !button || !window.fetch || !window.URLSearchParams) { return; }
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }
  var key = "cafe-draft:" + location.pathname + ":" + (form.getAttribute("data-round") || "0");

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
  function checkRound() {
    if (!roundUrl || asking || document.hidden) { return; }
    asking = true;
    fetch(roundUrl, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (now) {
      asking = false;
      if (!now || String(now.round) === shown) { return; }
      if (!box.value.trim()) {
        var lang = new URLSearchParams(location.search).get("lang");  // not "Sent!" again
        location.replace(location.pathname + (lang ? "?lang=" + encodeURIComponent(lang) : ""));
      } else if (moved && moved.hidden && shown !== "0") {
        moved.hidden = false;
        if (sentNote) { sentNote.hidden = true; }  // "Sent!" was about the round before
      }
    }).catch(function () { asking = false; });
  }
  if (roundUrl) {
    window.setInterval(checkRound, 10000);
    document.addEventListener("visibilitychange", checkRound);
    window.addEventListener("focus", checkRound);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    keep();
    button.disabled = true;
    if (notSent) { notSent.hidden = true; }
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin"
    }).then(function (response) {
      if (response.ok && response.redirected) {
        location.replace(response.url);  // "Sent!": that page forgets the kept text
      } else {
        form.submit();  // a refusal (a line too long ...): the server's page says what
      }
    }).catch(function () {
      button.disabled = false;
      if (notSent) { notSent.hidden = false; notSent.scrollIntoView({ block: "nearest" }); }
    });
  });
})();
