import pytest

from rewriter.text.protect import find_protected, is_sentinel, mask, visible


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.value) for p in mask(text, frozenset({"I"})).spans]


def test_placeholders_of_every_help_desk_syntax():
    text = "Hi {{ticket.requester.first_name | capitalize}}, {% if x %}yes{% endif %} #{ticket.number} <attribute key=\"name\" default=\"there\"/>"
    found = [v for k, v in kinds(text) if k == "placeholder"]
    assert found == ["{{ticket.requester.first_name | capitalize}}", "{% if x %}", "{% endif %}", "#{ticket.number}",
                     '<attribute key="name" default="there"/>']


def test_html_entities_urls_emails_numbers_amounts():
    found = kinds("<p>Order #12345 costs 49,90 € &ndash; see https://shop.example/a?b=1. Mail help@shop.example</p>")
    assert ("html", "<p>") in found and ("html", "</p>") in found
    assert ("number", "#12345") in found
    assert ("amount", "49,90 €") in found
    assert ("entity", "&ndash;") in found
    assert ("url", "https://shop.example/a?b=1") in found
    assert ("email", "help@shop.example") in found


def test_names_inside_a_sentence_but_not_sentence_starts():
    found = kinds("The Aurora lamp is out. Order now, I said. Hei Matti, Aurora-valaisin on loppu.")
    names = [v for k, v in found if k == "name"]
    assert names == ["Aurora", "Matti", "Aurora-valaisin"]   # a compound is one name (issue 13)


def test_unmask_restores_the_text_byte_for_byte():
    text = "Hello {{name}}, the <b>Nordic</b> jacket (SKU XR-2000) costs $49.50 &amp; ships 12.1.2026."
    m = mask(text)
    assert m.unmask(m.text) == text
    assert "{{" not in m.text and "<b>" not in m.text


def test_original_range_maps_masked_offsets_back():
    text = "Hi {{name}}, the lamp"
    m = mask(text)
    start = m.text.index("the")
    assert m.original_range(start, len(m.text)) == (text.index("the"), len(text))


def test_visible_drops_sentinels():
    m = mask("Hello {{name}}, hi")
    assert visible(m.text) == "Hello , hi"


def test_a_sentence_initial_word_before_a_size_is_not_a_name():
    assert ("name", "Kokoa") not in kinds("Kokoa 38 ei ole enää jäljellä.")


def test_clock_times_have_sentinels_of_their_own():
    """A slot type can tell "2pm" from a date or an order number (`<time>` in slot_types)."""
    import re as _re
    from rewriter.text.protect import kind_class
    m = mask("Collect it after 2pm or 08:00 (order 12345, klo 16.05, 15.3.).")
    kinds = {s.value: s.kind for s in m.spans}
    assert kinds["2pm"] == kinds["08:00"] == kinds["16.05"] == "time"
    assert kinds["12345"] == kinds["15.3"] == "number"
    times = _re.findall(kind_class("time"), m.text)
    assert [m.span_of(c).value for c in times] == ["2pm", "08:00", "16.05"]
    assert m.unmask(m.text) == m.original


def test_numbers_have_sentinels_of_their_own():
    """A slot type can tell a pack size or an order number from a name or a placeholder (`<number>`)."""
    import re as _re
    from rewriter.text.protect import kind_class
    m = mask("Paracet i 20-pakning, ordre #4411, i {{ store.name }} hos Apotek 1.")
    numbers = [m.span_of(c).value for c in _re.findall(kind_class("number"), m.text)]
    assert numbers == ["20", "#4411", "1"]
    assert not any("store.name" in v for v in numbers)
    assert m.unmask(m.text) == m.original


def test_a_date_slot_refuses_a_clock_time():
    from rewriter.pipeline import Rewriter
    out = Rewriter("en").rewrite("The engineer can't visit before 08:00 on Monday.").output
    assert "on 08:00" not in out


def test_a_word_after_a_greeting_is_read_as_a_sentence_start():
    import re as _re

    greetings = _re.compile(r"(?i)(?:hi|hello|dear)\b")
    text = "Hi {name}, Hearing aid batteries are not covered. Ask Anna about Polaris."
    names = [p.value for p in find_protected(text, greetings=greetings) if p.kind == "name"]
    assert "Hearing" not in names and "Anna" in names and "Polaris" in names
    assert "Hearing" in [p.value for p in find_protected(text) if p.kind == "name"]   # without the greetings
    # a longer lead before the comma is no greeting: the capital there marks a name
    text = "Hi, we spoke to the whole team at the depot yesterday, Hearing said no."
    assert "Hearing" in [p.value for p in find_protected(text, greetings=greetings) if p.kind == "name"]


@pytest.mark.parametrize("text,span", [("Hytta er utleid 7.–9. mars.", "7.–9"), ("Salurinn er bókaður 3.-5. maí.", "3.-5"),
                                       ("We are closed 7–9 March.", "7–9")])
def test_a_range_of_days_is_one_span(text, span):
    # a date slot takes "7.–9. mars" as it takes "9. mars"
    m = mask(text)
    pieces = [m.unmask(ch) for ch in m.text if is_sentinel(ch)]
    assert span in pieces
