"""LanguageTool's format: request parsing, offsets (UTF-16, markup), matches from a Result."""
from __future__ import annotations

import json

import pytest

from rewriter.serve import languagetool as lt

BANKS = ["en", "fi", "is", "nb"]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_utf16_offsets_count_surrogate_pairs():
    text = "a😀b𝄞c"
    units = lt.utf16_offsets(text)
    assert [units(i) for i in range(len(text) + 1)] == [utf16_len(text[:i]) for i in range(len(text) + 1)]
    assert units(len(text)) == 7
    assert lt.utf16_offsets("ascii only")(5) == 5


def test_annotated_document_maps_plain_positions_back_to_the_document():
    data = json.dumps({"annotation": [
        {"markup": "<p>"}, {"text": "Hello "}, {"markup": "<br/>", "interpretAs": "\n"},
        {"text": "world"}, {"markup": "</p>"},
    ]})
    doc = lt.annotated_document(data)
    assert doc.plain == "Hello \nworld"
    assert doc.original == "<p>Hello <br/>world</p>"
    start = doc.plain.index("world")
    o = doc.to_original(start, False)
    assert doc.original[o:doc.to_original(start + 5, True)] == "world"
    # a position inside interpreted markup maps to the markup's edges
    assert doc.to_original(6, False) == doc.original.index("<br/>")
    assert doc.to_original(7, True) == doc.original.index("world")


@pytest.mark.parametrize("data, reason", [
    ("{", "not valid JSON"),
    ("[]", "'annotation' list"),
    ('{"annotation": [{"foo": 1}]}', "neither 'text' nor 'markup'"),
    ('{"annotation": [{"text": 3}]}', "must be a string"),
])
def test_bad_data_is_a_request_error(data, reason):
    with pytest.raises(lt.RequestError, match=reason):
        lt.annotated_document(data)


def test_check_request_needs_text_or_data_and_language():
    with pytest.raises(lt.RequestError, match="'text' or 'data'"):
        lt.check_request({"language": "en-US"})
    with pytest.raises(lt.RequestError, match="language"):
        lt.check_request({"text": "x"})
    req = lt.check_request({"text": "x", "language": "auto", "enabledOnly": "false", "level": "picky",
                            "disabledRules": "a.b, c.d", "motherTongue": "de-DE", "preferredVariants": "en-GB"})
    assert req.level == "picky" and not req.enabled_only and req.disabled_rules == {"a.b", "c.d"}


def test_parse_form_takes_form_bodies_whatever_the_label():
    body = "language=en-US&data=%7B%22annotation%22%3A%5B%5D%7D&motherTongue=fi".encode()
    assert lt.parse_form(body) == {"language": "en-US", "data": '{"annotation":[]}', "motherTongue": "fi"}
    with pytest.raises(lt.RequestError, match="UTF-8"):
        lt.parse_form(b"text=\xff\xfe")


@pytest.mark.parametrize("code, expected", [
    ("en-US", ("en", "en-US")), ("en_gb", ("en", "en-GB")), ("en", ("en", "en")), ("en-IE", ("en", "en")),
    ("fi", ("fi", "fi")), ("fi-FI", ("fi", "fi-FI")), ("is-IS", ("is", "is-IS")), ("nb-NO", ("nb", "nb-NO")),
    ("no", ("nb", "no")), ("auto", None),
])
def test_language_codes(code, expected):
    assert lt.resolve_language(code, BANKS) == expected


def test_unknown_language_names_the_known_ones():
    with pytest.raises(lt.RequestError, match=r"unknown language 'de-DE' \(known: auto, en"):
        lt.resolve_language("de-DE", BANKS)


def test_languages_list_has_name_code_long_code():
    listed = lt.languages(BANKS)
    assert {"name": "Finnish", "code": "fi", "longCode": "fi-FI"} in listed
    assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in listed
    assert all(set(item) == {"name", "code", "longCode"} for item in listed)
    assert not any(item["longCode"].startswith("fi") for item in lt.languages(["en"]))


@pytest.mark.parametrize("original, replacement, expected", [
    ("Hi Anna, the dress is out of stock.", "Hi Anna, I can order the dress.", "the dress is out of stock"),
    # the shared "De" and "en" are inside words: the match starts and ends at whole words
    ("Dessverre er sofaen borte.", "Det er sofaen hjemmen.", "Dessverre er sofaen borte"),
    ("same", "same", ""),
])
def test_narrow_cuts_at_word_boundaries(original, replacement, expected):
    start, end, value = lt.narrow(original, replacement)
    assert original[start:end] == expected
    assert original[:start] + value + original[end:] == replacement


def test_preferred_variant_of_a_detected_language():
    assert lt.preferred_code("en", "de-AT, en-GB") == "en-GB"
    assert lt.preferred_code("fi", "en-GB") == "fi"
