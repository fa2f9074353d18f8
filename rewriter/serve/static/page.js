// rewriter's page: check a message, show findings and suggestions, accept and copy.
// Everything shown from the message or the server goes in through textContent
// or .value, never innerHTML: user text can hold markup and is shown as text.
"use strict";

const NAMES = { en: "English", fi: "Finnish", is: "Icelandic", nb: "Norwegian (Bokmål)" };
const $ = (id) => document.getElementById(id);
let current = null;      // the last result and the request that produced it
let busy = false;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child != null) node.append(child);   // strings become text nodes
  return node;
}

function status(message, isError) {
  const line = $("status");
  line.textContent = message;
  line.classList.toggle("error", Boolean(isError));
}

// Offsets from the server count code points (Python); JavaScript strings count UTF-16 units.
const points = (text) => Array.from(text);
const cut = (cps, start, end) => cps.slice(start, end).join("");

async function check() {
  if (busy) return;
  const text = $("text").value;
  if (!text.trim()) {
    status("Type or paste a message first.", true);
    $("text").focus();
    return;
  }
  const request = { text, lang: $("lang").value, style: $("full").checked ? "full" : "sentence" };
  if ($("tone").value) request.tone = $("tone").value;
  busy = true;
  $("check").disabled = true;
  status("Checking…");
  try {
    const response = await fetch("/v1/rewrite", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      status(`Could not check: ${(body && body.error) || response.statusText}`, true);
      return;
    }
    current = { request, result: body };
    render(body);
  } catch (e) {
    status("Could not reach the rewriter server. Is it still running?", true);
  } finally {
    busy = false;
    $("check").disabled = false;
  }
}

function groups(result) {
  // One card per rewritten sentence (its findings with it), one per finding left without a rewrite.
  const cards = result.edits.map((edit) => ({ edit, findings: [] }));
  const loose = [];
  for (const finding of result.findings) {
    const card = cards.find((c) => c.edit.start <= finding.start && finding.end <= c.edit.end);
    if (card) card.findings.push(finding);
    else loose.push({ edit: null, findings: [finding] });
  }
  return cards.concat(loose).sort((a, b) => start(a) - start(b));
}
const start = (card) => (card.edit ? card.edit.start : card.findings[0].start);

function render(result) {
  $("results").hidden = false;
  const asked = current.request.lang;
  $("detected").textContent = asked === "auto"
    ? `(detected: ${NAMES[result.lang] || result.lang})` : `(${NAMES[result.lang] || result.lang})`;
  const cards = groups(result);
  renderHighlight(result, cards);
  renderCards(result, cards);
  const output = $("output");
  output.value = result.output;
  output.style.height = "auto";
  output.style.height = `${output.scrollHeight + 4}px`;     // the whole rewrite in view, no scrolling
  $("none").hidden = cards.length > 0;
  const n = result.findings.length;
  status(n ? `${n} finding${n > 1 ? "s" : ""}, ${result.edits.length} suggestion${result.edits.length === 1 ? "" : "s"}.`
           : "No negative phrasing found.");
}

function renderHighlight(result, cards) {
  const cps = points(result.input);
  const box = $("highlighted");
  box.replaceChildren();
  const spans = [];
  cards.forEach((card, index) => {
    for (const f of card.findings) spans.push({ start: f.start, end: f.end, index, rule: f.rule });
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let pos = 0;
  for (const span of spans) {
    if (span.start < pos) continue;               // overlapping findings: the first one shows
    box.append(cut(cps, pos, span.start));
    const mark = el("mark", { "data-card": String(span.index), title: span.rule, text: cut(cps, span.start, span.end) });
    mark.addEventListener("click", () => focusCard(span.index));
    box.append(mark);
    pos = span.end;
  }
  box.append(cut(cps, pos, cps.length));
}

function focusCard(index) {
  const card = $(`card-${index}`);
  if (!card) return;
  document.querySelectorAll(".card.focus").forEach((c) => c.classList.remove("focus"));
  card.classList.add("focus");
  card.scrollIntoView({ block: "nearest", behavior: "smooth" });
  const button = card.querySelector("button");
  if (button) button.focus({ preventScroll: true });
}

function renderCards(result, cards) {
  const list = $("suggestions");
  list.replaceChildren();
  const cps = points(result.input);
  cards.forEach((card, index) => {
    const sentence = card.edit ? card.edit.original : sentenceAround(cps, card.findings[0]);
    // A rewrite held back (an order left elsewhere in the message, a kept sentence that points back
    // at it, or --whole) is still shown, to copy.
    const held = card.edit ? null : card.findings.map((f) => f.suggestion).find((s) => s);
    const after = card.edit
      ? el("p", { class: "suggestion", text: card.edit.replacement })
      : held
        ? el("p", { class: "suggestion", text: held + " (held back: another sentence of this message still needs rephrasing by hand)" })
        : el("p", { class: "suggestion none", text: "No safe rewrite found: rephrase it to say what you can do." });
    const item = el("li", { class: "card", id: `card-${index}`, "aria-label": `Suggestion ${index + 1}` },
      el("div", { class: "pair" },
        el("div", {}, el("h3", { text: "Sentence" }), el("p", { class: "original", text: sentence })),
        el("div", {}, el("h3", { text: card.edit ? `Suggestion (${card.edit.engine})` : "Suggestion" }), after)));
    const actions = el("div", { class: "actions" });
    if (card.edit) {
      const accept = el("button", { type: "button", class: "accept", text: "Accept" });
      accept.addEventListener("click", () => acceptEdit(card.edit));
      const copy = el("button", { type: "button", class: "copy", text: "Copy" });
      copy.addEventListener("click", () => copyText(card.edit.replacement, "Suggestion"));
      actions.append(accept, copy);
    } else if (held) {
      const copy = el("button", { type: "button", class: "copy", text: "Copy" });
      copy.addEventListener("click", () => copyText(held, "Suggestion"));
      actions.append(copy);
    }
    item.append(actions, why(card.findings));
    list.append(item);
  });
}

function sentenceAround(cps, finding) {
  // The text around a finding with no rewrite, up to the sentence ends on either side.
  const ends = new Set([".", "!", "?", "\n"]);
  let a = finding.start;
  while (a > 0 && !ends.has(cps[a - 1])) a -= 1;
  let b = finding.end;
  while (b < cps.length && !ends.has(cps[b])) b += 1;
  if (b < cps.length && cps[b] !== "\n") b += 1;
  return cut(cps, a, b).trim();
}

function why(findings) {
  const details = el("details", { class: "why" }, el("summary", { text: "Why?" }));
  const list = el("ul");
  for (const f of findings) {
    list.append(el("li", {},
      el("code", { text: f.rule }), ` (${f.severity}): `, f.message, " ",
      el("span", { class: "hint", text: `Flagged: “${f.text}”` })));
  }
  details.append(list);
  return details;
}

function acceptEdit(edit) {
  const input = current.result.input;
  if ($("text").value !== input) {
    status("The message changed since the last check: checking it again.");
    check();
    return;
  }
  const cps = points(input);
  $("text").value = cut(cps, 0, edit.start) + edit.replacement + cut(cps, edit.end, cps.length);
  status("Accepted. Checking the message again…");
  check().then(() => {
    if (!$("status").classList.contains("error")) {
      status(`Accepted. ${$("status").textContent}`);
    }
  });
}

async function copyText(text, what) {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch (e) {
    ok = legacyCopy(text);
  }
  status(ok ? `${what} copied to the clipboard.` : "Could not copy: select the text and press Ctrl+C.", !ok);
}

function legacyCopy(text) {
  const focused = document.activeElement;
  const area = el("textarea", { readonly: "", "aria-hidden": "true" });
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  area.remove();
  if (focused) focused.focus();
  return ok;
}

document.addEventListener("DOMContentLoaded", () => {
  $("form").addEventListener("submit", (event) => { event.preventDefault(); check(); });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      check();
    }
  });
  $("copy-all").addEventListener("click", () => copyText($("output").value, "Rewritten message"));
  $("text").focus();
});
