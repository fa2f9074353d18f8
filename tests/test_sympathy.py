"""Sympathy with the customer's own news is no refusal (`language.yaml: sympathy`).

"Sorry to hear the jacket didn't fit" reports what the customer told us: a
finding there is noise in the linter, and it held back the rewrite of every
other sentence of the message.
"""
import pytest

from rewriter import detect
from rewriter.pipeline import Rewriter

SYMPATHY = {
    "en": ["Sorry to hear the jacket didn't fit.",
           "Hi Anna, I'm so sorry to hear that you can't make it on Saturday."],
    "fi": ["Ikävä kuulla, ettei takki sopinut.",
           "Hei Anna, harmi kuulla, että ette pääse lauantaina."],
    "is": ["Mér þykir leitt að heyra að jakkinn passaði ekki.",
           "Leiðinlegt að heyra að þið komist ekki á laugardaginn."],
    "nb": ["Leit å høre at jakken ikke passet.",
           "Hei Kari, så trist å høre at dere ikke kan komme."],
}

# The sympathy clause ends at its comma: the refusal after it keeps its finding.
SYMPATHY_THEN_REFUSAL = {
    "en": ("Sorry to hear the jacket didn't fit, but we can't refund it.", "can't"),
    "fi": ("Ikävä kuulla, mutta emme voi hyvittää sitä.", "emme"),
    "is": ("Mér þykir leitt að heyra að jakkinn passaði ekki, en við getum ekki endurgreitt hann.", "ekki"),
    "nb": ("Beklager å høre det, men vi kan ikke refundere den.", "ikke"),
}

STOCK = {
    "en": "Unfortunately the red dress is not in stock.",
    "fi": "Valitettavasti punaista mekkoa ei ole varastossa.",
    "is": "Því miður er rauði kjóllinn ekki til á lager.",
    "nb": "Dessverre har vi ikke den røde kjolen på lager.",
}


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, texts in SYMPATHY.items() for t in texts])
def test_sympathy_with_the_customers_news_is_no_finding(lang, text):
    assert detect(text, lang=lang) == []


@pytest.mark.parametrize("lang", sorted(SYMPATHY_THEN_REFUSAL))
def test_a_refusal_after_the_sympathy_clause_keeps_its_finding(lang):
    text, marker = SYMPATHY_THEN_REFUSAL[lang]
    findings = detect(text, lang=lang)
    assert findings, text
    assert all(text.index(",") < f.start for f in findings)
    assert any(marker in f.text for f in findings)


def test_an_apology_for_our_own_refusal_is_still_a_finding():
    assert detect("Sorry that we can't refund it.", lang="en")


def test_sympathy_far_into_a_sentence_is_not_an_opener():
    # only at the start or after a short lead
    assert detect("We cannot refund the ticket and we are sorry to hear that you can't come.", lang="en")


@pytest.mark.parametrize("lang", sorted(SYMPATHY))
def test_a_sympathy_sentence_does_not_hold_back_the_messages_rewrite(lang):
    sympathy = SYMPATHY[lang][0]
    result = Rewriter(lang).rewrite(f"{sympathy} {STOCK[lang]}")
    assert result.changed
    assert result.output.startswith(sympathy)
    assert STOCK[lang] not in result.output
