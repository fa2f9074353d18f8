"""LanguageTool's HTTP API (``/v2/check``, ``/v2/languages``) over rewriter's findings.

Clients built for a LanguageTool server (the browser add-ons, LTeX and other
editor plug-ins) send a form with ``text`` or ``data`` (an annotation list of
``text`` and ``markup`` items) and a ``language`` code such as ``en-US`` or
``auto``; they read ``matches`` whose ``offset`` and ``length`` count Java
chars, i.e. UTF-16 code units, in the document as sent (markup included).

Everything here is pure: parsing the request, mapping offsets, building the
response from a `rewriter.Result`. The web app (`rewriter.serve.app`) does
the I/O.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import parse_qs

from .. import __version__

API_VERSION = 1
CONTEXT_CHARS = 40          # LanguageTool's default context on each side of a match

# Every language a client may ask for: LanguageTool code -> (bank code, display name).
LANGUAGES: dict[str, tuple[str, str]] = {
    "en": ("en", "English"),
    "en-US": ("en", "English (US)"),
    "en-GB": ("en", "English (GB)"),
    "en-AU": ("en", "English (Australian)"),
    "en-CA": ("en", "English (Canadian)"),
    "en-NZ": ("en", "English (New Zealand)"),
    "en-ZA": ("en", "English (South African)"),
    "fi": ("fi", "Finnish"),
    "fi-FI": ("fi", "Finnish"),
    "is": ("is", "Icelandic"),
    "is-IS": ("is", "Icelandic"),
    "nb": ("nb", "Norwegian (Bokmål)"),
    "nb-NO": ("nb", "Norwegian (Bokmål)"),
    "no": ("nb", "Norwegian (Bokmål)"),
    "no-NO": ("nb", "Norwegian (Bokmål)"),
}
# The bank code's own name, used for detected languages.
NAMES = {"en": "English", "fi": "Finnish", "is": "Icelandic", "nb": "Norwegian (Bokmål)"}
# Listed by GET /v2/languages, LanguageTool's shape.
LISTED = ("en", "en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA", "fi-FI", "is-IS", "nb-NO", "no")


class RequestError(ValueError):
    """A request a client must change: answered with 400 and this one-line message."""


def languages(banks: list[str]) -> list[dict]:
    """GET /v2/languages: ``[{name, code, longCode}]`` for every code whose bank is installed."""
    out = []
    for long_code in LISTED:
        bank, name = LANGUAGES[long_code]
        if bank in banks:
            out.append({"name": name, "code": long_code.split("-")[0], "longCode": long_code})
    return out


def resolve_language(code: str, banks: list[str]) -> tuple[str, str] | None:
    """(bank code, canonical LanguageTool code) for ``code``, None for ``auto``; RequestError if unknown."""
    code = code.strip()
    if code.lower() == "auto":
        return None
    parts = code.replace("_", "-").split("-")
    canonical = parts[0].lower() + "".join("-" + p.upper() for p in parts[1:2])
    hit = LANGUAGES.get(canonical) or LANGUAGES.get(parts[0].lower())
    if hit is None or hit[0] not in banks:
        known = ", ".join(sorted({c for c, (b, _) in LANGUAGES.items() if b in banks}))
        raise RequestError(f"unknown language {code!r} (known: auto, {known})")
    return hit[0], canonical if canonical in LANGUAGES else parts[0].lower()


def preferred_code(bank: str, preferred_variants: str) -> str:
    """The client's preferred variant of a detected language (``preferredVariants=en-GB,de-AT``), else the bank code."""
    for variant in preferred_variants.split(","):
        variant = variant.strip()
        if variant and LANGUAGES.get(variant, ("",))[0] == bank:
            return variant
    return bank


# --- the request -----------------------------------------------------------

@dataclass
class Document:
    """What the client sent: the whole document (markup included) and the plain text checked.

    ``segments`` maps plain-text positions back: (plain start, plain end,
    original start, original end, is markup), in code points.
    """

    original: str
    plain: str
    segments: list[tuple[int, int, int, int, bool]]

    def to_original(self, pos: int, is_end: bool) -> int:
        """A plain-text code-point position as a position in the original document.

        A position inside text a markup item was interpreted as maps to the
        markup's start (or its end, for the end of a match), as LanguageTool does.
        """
        for p_start, p_end, o_start, o_end, markup in self.segments:
            if p_start <= pos < p_end or (is_end and pos == p_end and p_end > p_start):
                if not markup:
                    return o_start + (pos - p_start)
                return o_end if is_end else o_start
        return len(self.original)


    def markup_between(self, o_start: int, o_end: int) -> bool:
        """Does the original range hold markup? (Replacing it would delete the markup.)"""
        return any(markup and o_start < m_end and m_start < o_end and m_end > m_start
                   for _, _, m_start, m_end, markup in self.segments)


def plain_document(text: str) -> Document:
    return Document(text, text, [(0, len(text), 0, len(text), False)])


def annotated_document(data: str) -> Document:
    """The ``data`` field: ``{"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}]}``."""
    try:
        parsed = json.loads(data)
    except ValueError as exc:
        raise RequestError(f"data is not valid JSON: {exc}") from None
    items = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise RequestError("data must be a JSON object with an 'annotation' list")
    original: list[str] = []
    plain: list[str] = []
    segments = []
    o_pos = p_pos = 0
    for number, item in enumerate(items):
        if not isinstance(item, dict):
            raise RequestError(f"data: annotation item {number} is not an object")
        if "text" in item:
            value = item["text"]
            if not isinstance(value, str):
                raise RequestError(f"data: annotation item {number}: 'text' must be a string")
            segments.append((p_pos, p_pos + len(value), o_pos, o_pos + len(value), False))
            original.append(value)
            plain.append(value)
            o_pos += len(value)
            p_pos += len(value)
        elif "markup" in item:
            markup, shown = item["markup"], item.get("interpretAs", "")
            if not isinstance(markup, str) or not isinstance(shown, str):
                raise RequestError(f"data: annotation item {number}: 'markup' and 'interpretAs' must be strings")
            segments.append((p_pos, p_pos + len(shown), o_pos, o_pos + len(markup), True))
            original.append(markup)
            plain.append(shown)
            o_pos += len(markup)
            p_pos += len(shown)
        else:
            raise RequestError(f"data: annotation item {number} has neither 'text' nor 'markup'")
    return Document("".join(original), "".join(plain), segments)


@dataclass
class CheckRequest:
    document: Document
    language: str                   # as sent: "auto", "en-US", ...
    preferred_variants: str = ""
    mother_tongue: str = ""
    level: str = "default"
    enabled_only: bool = False
    enabled_rules: frozenset[str] = frozenset()
    disabled_rules: frozenset[str] = frozenset()
    enabled_categories: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()


def parse_form(body: bytes) -> dict[str, str]:
    """A form-encoded body (LTeX sends one labelled application/json: the label is not trusted)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError("the request body is not UTF-8") from None
    try:
        fields = parse_qs(text, keep_blank_values=True, strict_parsing=False, max_num_fields=1000)
    except ValueError as exc:
        raise RequestError(f"malformed form body: {exc}") from None
    return {key: values[-1] for key, values in fields.items()}


def check_request(fields: dict[str, str]) -> CheckRequest:
    """A /v2/check request from its form fields."""
    if "text" in fields:
        document = plain_document(fields["text"])
    elif "data" in fields:
        document = annotated_document(fields["data"])
    else:
        raise RequestError("missing 'text' or 'data' field")
    if not fields.get("language", "").strip():
        raise RequestError("missing 'language' field (a code such as en-US, or auto)")

    def ids(name: str) -> frozenset[str]:
        return frozenset(v.strip() for v in fields.get(name, "").split(",") if v.strip())

    return CheckRequest(document, fields["language"].strip(), fields.get("preferredVariants", ""),
                        fields.get("motherTongue", ""), fields.get("level", "default") or "default",
                        fields.get("enabledOnly", "false").lower() == "true", ids("enabledRules"),
                        ids("disabledRules"), ids("enabledCategories"), ids("disabledCategories"))


# --- the response ----------------------------------------------------------

def utf16_offsets(text: str):
    """A function from a code-point offset in ``text`` to a UTF-16 offset (Java's String index)."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return lambda pos: pos
    table = [0]
    for char in text:
        table.append(table[-1] + (2 if ord(char) >= 0x10000 else 1))
    return lambda pos: table[max(0, min(pos, len(text)))]


def _word_char(c: str) -> bool:
    return c.isalnum() or c in "_'’-"


def narrow(original: str, replacement: str) -> tuple[int, int, str]:
    """The part of a rewritten sentence that changed, cut at word boundaries: (start, end, new text).

    A rewrite keeps the lead-in ("Hi Anna, ") and the full stop; the match
    then underlines only what changes, as LanguageTool's own matches do.
    """
    n, m = len(original), len(replacement)
    p = 0
    while p < min(n, m) and original[p] == replacement[p]:
        p += 1
    while 0 < p < n and _word_char(original[p - 1]) and _word_char(original[p]):
        p -= 1
    s = 0
    while s < min(n, m) - p and original[n - 1 - s] == replacement[m - 1 - s]:
        s += 1
    while 0 < s < n - p and _word_char(original[n - s]) and _word_char(original[n - s - 1]):
        s -= 1
    return p, n - s, replacement[p:m - s]


def _humanise(category: str) -> str:
    return category.replace("_", " ").capitalize()


def _sentence_of(result, start: int, end: int) -> str:
    for step in result.trace:
        if step.start <= start and end <= step.end:
            return step.text
    return result.input[start:end]


def _selected(request: CheckRequest, rule: str, category: str) -> bool:
    if rule in request.disabled_rules or category in request.disabled_categories:
        return False
    if request.enabled_only:
        return rule in request.enabled_rules or category in request.enabled_categories
    return True


def _context(plain: str, start: int, end: int) -> dict:
    """LanguageTool's context: up to 40 chars either side, '...' where cut, offsets in UTF-16."""
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(plain), end + CONTEXT_CHARS)
    before = ("..." if lo > 0 else "") + plain[lo:start]
    flagged = plain[start:end]
    after = plain[end:hi] + ("..." if hi < len(plain) else "")
    text = (before + flagged + after).replace("\n", " ")
    units = utf16_offsets(text)
    return {"text": text, "offset": units(len(before)), "length": units(len(before) + len(flagged)) - units(len(before))}


def matches(result, request: CheckRequest) -> list[dict]:
    """LanguageTool matches for a `Result` of ``rewrite(document.plain)``.

    A sentence with a verified rewrite is one match whose replacement is the
    changed part of the sentence (accepting it gives the rewrite); a finding
    no stage could rewrite safely is a match with no replacement.
    """
    document = request.document
    plain = document.plain
    units = utf16_offsets(document.original)
    out: list[tuple[int, dict]] = []
    covered: set[int] = set()
    order = {"error": 0, "warning": 1, "suggestion": 2}
    for edit in result.edits:
        inside = [i for i, f in enumerate(result.findings) if edit.start <= f.start and f.end <= edit.end]
        if not inside:
            continue
        covered.update(inside)
        top = min((result.findings[i] for i in inside), key=lambda f: (order.get(f.severity, 3), f.start))
        if not _selected(request, top.rule, top.category):
            continue
        start, end, value = narrow(edit.original, edit.replacement)
        out.append((edit.start + start, _match(document, units, top, edit.start + start, edit.start + end,
                                               [value], edit.original)))
    for i, finding in enumerate(result.findings):
        if i in covered or not _selected(request, finding.rule, finding.category):
            continue
        out.append((finding.start, _match(document, units, finding, finding.start, finding.end, [],
                                          _sentence_of(result, finding.start, finding.end))))
    return [m for _, m in sorted(out, key=lambda pair: pair[0])]


def _match(document: Document, units, finding, start: int, end: int, replacements: list[str], sentence: str) -> dict:
    o_start = document.to_original(start, is_end=False)
    o_end = max(o_start, document.to_original(end, is_end=True))
    message = finding.message
    if replacements and document.markup_between(o_start, o_end):
        # Accepting would delete the markup inside (\emph{...}, <b>...</b>): offer the rewrite in words only.
        message = f"{message} Suggested rewrite: {replacements[0]}"
        replacements = []
    return {
        "message": message,
        "shortMessage": "Negative phrasing" if replacements else "Negative phrasing (no safe rewrite)",
        "replacements": [{"value": v} for v in replacements],
        "offset": units(o_start),
        "length": units(o_end) - units(o_start),
        "context": _context(document.plain, start, end),
        "sentence": sentence,
        "type": {"typeName": "Other" if finding.severity != "suggestion" else "Hint"},
        "rule": {
            "id": finding.rule,
            "description": finding.message,
            "issueType": "style",
            "category": {"id": finding.category, "name": _humanise(finding.category)},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def response(result, request: CheckRequest, code: str, detected: str, confidence: float) -> dict:
    """The whole /v2/check answer."""
    bank = LANGUAGES.get(code, (code, ""))[0]
    return {
        "software": {"name": "rewriter", "version": __version__, "buildDate": None, "apiVersion": API_VERSION,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {
            "name": LANGUAGES.get(code, (bank, NAMES.get(bank, code)))[1],
            "code": code,
            "detectedLanguage": {"name": NAMES.get(detected, detected), "code": detected, "confidence": confidence},
        },
        "matches": matches(result, request) if result is not None else [],
    }
