import pytest

from rewriter.banks import load_bank
from rewriter.text.protect import mask
from rewriter.text.sentences import split


def sentences(text: str, abbreviations=()) -> list[str]:
    m = mask(text)
    return [m.unmask(m.text[a:b]) for a, b in split(m.text, abbreviations, m.is_block)]


def test_splits_on_end_punctuation_and_newlines():
    assert sentences("Hi! It is out. Can I help?\nBye") == ["Hi!", "It is out.", "Can I help?", "Bye"]


def test_no_split_inside_urls_amounts_and_versions():
    assert sentences("See www.shop.example/a.b now. Price 1.299,00 kr today.") == [
        "See www.shop.example/a.b now.", "Price 1.299,00 kr today."]


def test_block_tags_end_sentences_and_are_left_out():
    assert sentences("<p>Hello there</p><p>The lamp is out.</p>") == ["Hello there", "The lamp is out."]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "We have colours, e.g. red. Anything else?", ["We have colours, e.g. red.", "Anything else?"]),
    ("fi", "Meillä on esim. punainen. Kiitos!", ["Meillä on esim. punainen.", "Kiitos!"]),
    ("is", "Við eigum t.d. rauðan. Takk!", ["Við eigum t.d. rauðan.", "Takk!"]),
    ("nb", "Vi har f.eks. rød. Takk!", ["Vi har f.eks. rød.", "Takk!"]),
])
def test_each_language_keeps_its_abbreviations(lang, text, expected):
    assert sentences(text, load_bank(lang).language.abbreviations) == expected


def test_a_dotted_short_abbreviation_ends_no_sentence_listed_or_not():
    # s15 read nb-o-024: "(reg.nr. EK 48213)" was cut in two at "reg.nr."
    assert sentences("Vi har ikke funnet dekkene (reg.nr. EK 48213) ennå. Takk!", ["nr"]) == [
        "Vi har ikke funnet dekkene (reg.nr. EK 48213) ennå.", "Takk!"]
    assert sentences("Vi har ikke bil. Takk!", ["nr"]) == ["Vi har ikke bil.", "Takk!"]


def test_an_emoji_before_a_capital_ends_a_sentence():
    # s16 bank round: "... velkommen 🐶 Dessverre tar vi ..." was one sentence, so no rule matched
    assert sentences("Hunder er velkommen 🐶 Dessverre tar vi ikke imot katter.") == [
        "Hunder er velkommen 🐶", "Dessverre tar vi ikke imot katter."]
    assert sentences("Great news 🎉 see you soon") == ["Great news 🎉 see you soon"]
    out = rewrite_nb("Hunder er velkommen 🐶 Dessverre er den røde kjolen utsolgt.")
    assert out.startswith("Hunder er velkommen 🐶 ") and "Dessverre" not in out


def rewrite_nb(text: str) -> str:
    from rewriter import rewrite
    return rewrite(text, lang="nb").output


def test_a_capital_letter_before_a_stop_can_end_a_sentence():
    assert sentences("We have it in size M. Thanks, Lise") == ["We have it in size M.", "Thanks, Lise"]


def test_kroner_abbreviation_keeps_the_sentence_end():
    from rewriter.text.protect import mask as m
    assert [p.value for p in m("Frakten koster 99 kr. Takk!").spans] == ["99 kr"]
    assert [p.value for p in m("Det koster 99 kr. og sendes i dag.").spans] == ["99 kr."]


def test_an_emoji_or_emoticon_after_a_full_stop_stands_apart():
    from rewriter import rewrite

    for tail in (" 👍", " :)"):
        out = rewrite("The red dress is out of stock." + tail, lang="en").output
        assert out.endswith(tail) and "out of stock" not in out


@pytest.mark.parametrize("text", [
    "The lamp is sold out.", "  The lamp is sold out!  ", "We open at 9 a.m.", "Ring us, e.g.", "No end mark",
    "Wait…", "Is it \"sold out?\"", "", "   ",
])
def test_one_sentence_is_one_span_whatever_ends_it(text):
    # The short cut for a text with nothing ending before its end (most lines)
    # gives what the full scan gives: the text without its surrounding space.
    stripped = text.strip()
    expected = [(text.index(stripped), text.index(stripped) + len(stripped))] if stripped else []
    assert split(text, ["e.g", "a.m"], lambda ch: False) == expected


def test_a_title_and_the_name_after_it_are_one_name_and_end_no_sentence():
    from rewriter.banks import load_bank
    from rewriter.pipeline import Rewriter
    from rewriter.text.protect import mask

    titles = load_bank("en").language.titles
    masked = mask("We cancelled as Dr. Patel is ill. The lamp is sold out.", titles=titles)
    assert [s.value for s in masked.spans] == ["Dr. Patel"]
    assert len(split(masked.text, load_bank("en").language.abbreviations, masked.is_block)) == 2
    result = Rewriter("en").rewrite("We cancelled as Dr. Patel is ill. The Aurora lamp is sold out.")
    assert result.output.startswith("We cancelled as Dr. Patel is ill. ") and "Dr. Patel" in result.output
    assert [f.text for f in result.findings] == ["The Aurora lamp is sold out"]
    # An abbreviation that is no title ("No.") still ends its sentence.
    assert len(Rewriter("en").rewrite("No. The Aurora lamp is sold out.").trace) == 1


def test_a_sign_off_after_a_dash_on_the_same_line_is_a_piece_of_its_own():
    assert sentences("Nothing we can do before then. – FixIt Bar") == ["Nothing we can do before then.", "– FixIt Bar"]
    assert sentences("Paketti on noudettavissa. — Pakettipiste") == ["Paketti on noudettavissa.", "— Pakettipiste"]
    assert sentences("It costs 5 – 10 euros.") == ["It costs 5 – 10 euros."], "a dash inside a sentence stays"
    # a hyphen as the dash: with a space, or glued to the capital of the name (b19)
    assert sentences("Huoltoa ei voi tehdä ennen maanantaita. - Pyöräpaja Ketju") == \
        ["Huoltoa ei voi tehdä ennen maanantaita.", "- Pyöräpaja Ketju"]
    assert sentences("Varaa kaksi päivää etukäteen. -Caddiemaster, Golf Haukilahti") == \
        ["Varaa kaksi päivää etukäteen.", "-Caddiemaster, Golf Haukilahti"]
