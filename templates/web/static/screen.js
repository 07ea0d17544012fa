// The projector page, live: server-sent events carry the state; the timer counts down
// locally between events; a chime sounds when a cafe round ends. Only textContent is
// used for text from the meeting, so nothing typed on a phone can become markup.
(function () {
  "use strict";
  var stage = document.getElementById("stage");
  if (!stage || !window.EventSource) { return; }
  var labels = JSON.parse(document.getElementById("labels").textContent);
  var timerEl = document.getElementById("timer");
  var base = null;          // {remaining, at, running, phase}
  var lastShown = null;
  var kind = stage.getAttribute("data-kind") || "";
  var audio = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); });
  }
  function text(id, value) {
    var el = document.getElementById(id);
    if (el && el.textContent !== value) { el.textContent = value; }
  }
  function format(seconds) {
    var sign = seconds < 0 ? "-" : "";
    var total = seconds < 0 ? Math.floor(-seconds) : Math.ceil(seconds);
    var m = Math.floor(total / 60), s = total % 60;
    return sign + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }
  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (content !== undefined) { node.textContent = content; }
    return node;
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
    if (!timer) { base = null; timerEl.textContent = ""; timerEl.className = "timer -none"; return; }
    base = { remaining: timer.remaining, at: performance.now(), running: timer.running, phase: timer.phase };
    draw();
  }
  function draw() {
    if (!base) { return; }
    var left = base.remaining;
    if (base.running) { left -= (performance.now() - base.at) / 1000; }
    var phase = base.phase;
    if (base.running) { phase = left <= 0 ? "overtime" : (left <= 120 ? "warning" : "running"); }
    var shown = format(left);
    if (timerEl.textContent !== shown) { timerEl.textContent = shown; }
    timerEl.className = "timer -" + phase;
    if (lastShown !== null && lastShown > 0 && left <= 0 && base.running && kind === "cafe_round") { chime(); }
    lastShown = left;
  }

  function setSeating(seating) {
    var box = document.getElementById("seating");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (!seating) { return; }
    box.appendChild(el("h2", null, fill(seating.upcoming ? labels.next_round : labels.round, { n: seating.round })));
    if (seating.mode === "circle") { box.appendChild(el("p", "circle", labels.circle)); return; }
    var list = el("ol", "tables");
    seating.tables.forEach(function (table) {
      var card = el("li", "table-card");
      card.appendChild(el("h3", null, fill(labels.table, { n: table.table })));
      if (table.host) {
        var host = el("p", "host", table.host + " ");
        host.appendChild(el("span", "tag", labels.host));
        card.appendChild(host);
      }
      card.appendChild(el("p", "members", table.members.join(", ")));
      list.appendChild(card);
    });
    box.appendChild(list);
  }

  function setWords(words) {
    var cloud = document.getElementById("cloud");
    while (cloud.firstChild) { cloud.removeChild(cloud.firstChild); }
    (words || []).forEach(function (pair) {
      cloud.appendChild(el("span", "w" + pair[1], pair[0]));
      cloud.appendChild(document.createTextNode(" "));
    });
  }

  function setState(state) {
    var step = state.step;
    if ((step ? step.kind : "") !== kind) { lastShown = null; }
    kind = step ? step.kind : "";
    stage.setAttribute("data-kind", kind);
    text("step-title", step ? step.title : state.challenge);
    text("question", step ? (step.question || step.text) : document.getElementById("question").textContent);
    text("count-signups", String(state.counts.signups));
    setSeating(state.seating);
    setWords(state.words);
    setTimer(state.timer);
  }

  var source = new EventSource(stage.getAttribute("data-events"));
  source.onmessage = function (message) {
    var data = JSON.parse(message.data);
    if (data.type === "state") { setState(data); } else if (data.type === "tick") { setTimer(data.timer); }
    document.body.setAttribute("data-live", "1");
    document.body.setAttribute("data-seq", String(data.seq));
  };
  source.onerror = function () { document.body.setAttribute("data-live", "0"); };
  window.setInterval(draw, 250);
})();
