"""Rewriter.rewrite_many / rewrite_stream: the same answers as rewrite() text by text, the model's in batches."""
import datetime as dt

import pytest

from rewriter.cli.main import main
from rewriter.model import inference
from rewriter.pipeline import Rewriter
from rewriter.stages import seq2seq

TODAY = dt.date(2026, 11, 29)
TEXTS = {
    "en": ["You entered the wrong postcode.",
           "Unfortunately the green kettle is out of stock.",
           "Thanks for waiting, the parcel left today.",
           "<p>Hi {{ticket.requester.first_name}},</p><p>You misunderstood the offer. We don't ship to Svalbard.</p>",
           "",
           "I'm afraid we can't refund order #48213 after 30 days.",
           "You entered the wrong postcode."],
    "nb": ["Du har misforstått vilkårene.",
           "Dessverre er den grønne vannkokeren ikke på lager.",
           "Takk for tålmodigheten!",
           "Du har ikke lagt ved kvitteringen for ordre {{order.number}}."],
}
MODEL = pytest.mark.skipif(not seq2seq.available(seq2seq.MODEL_DIR), reason="no model shipped")


def answers(results):
    return [r.to_dict(explain=True) for r in results]


@pytest.mark.parametrize("engines", [("template",), pytest.param(("model", "template"), marks=MODEL),
                                     pytest.param(("template", "model"), marks=MODEL)])
@pytest.mark.parametrize("lang", ["en", "nb"])
def test_rewrite_many_is_rewrite_text_by_text(lang, engines):
    texts = TEXTS[lang]
    one = Rewriter(lang, engines=engines, today=TODAY)
    expected = answers(one.rewrite(t) for t in texts)
    assert answers(Rewriter(lang, engines=engines, today=TODAY).rewrite_many(texts)) == expected
    # a small look-ahead and batch: several chunks, several generate calls
    assert answers(Rewriter(lang, engines=engines, today=TODAY).rewrite_stream(texts, batch=2, ahead=3)) == expected


@MODEL
def test_mixed_languages_with_auto_are_batched_per_language_and_tone():
    texts = [t for pair in zip(TEXTS["en"], TEXTS["nb"]) for t in pair if t]
    expected = answers(Rewriter("auto", engines=("model", "template"), today=TODAY).rewrite(t) for t in texts)
    assert answers(Rewriter("auto", engines=("model", "template"), today=TODAY).rewrite_many(texts)) == expected


@MODEL
def test_the_model_gets_many_sentences_per_call(monkeypatch):
    calls = []
    real = inference.generate

    def counting(sentences, *args, **kwargs):
        calls.append(len(sentences))
        return real(sentences, *args, **kwargs)

    monkeypatch.setattr(inference, "generate", counting)
    texts = [f"You entered the wrong postcode for order #{n}." for n in range(10000, 10040)]
    results = Rewriter("en", engines=("model", "template"), today=TODAY).rewrite_many(texts)
    assert len(results) == 40
    # 40 texts, but one sentence once the order numbers are masked: one call, and rewrite() asks no more
    assert calls == [1]
    calls.clear()
    texts = [f"You entered the wrong {word}." for word in ("postcode", "address", "e-mail", "phone number") * 10]
    Rewriter("en", engines=("model", "template"), today=TODAY).rewrite_many(texts, batch=3)
    assert calls == [3, 1]


def test_stdin_lines_go_through_the_stream(capsys, monkeypatch):
    import io
    import sys

    seen = []
    real = Rewriter.rewrite_stream

    def spy(self, texts, *args, **kwargs):
        texts = list(texts)
        seen.append(texts)
        return real(self, texts, *args, **kwargs)

    monkeypatch.setattr(Rewriter, "rewrite_stream", spy)
    data = "The green kettle is sold out.\n\nAll good here.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert main(["rewrite", "--lang", "en"]) == 0
    out = capsys.readouterr().out.split("\n")
    assert seen == [["The green kettle is sold out.", "All good here."]]
    assert len(out) == 4 and out[1] == "" and out[2] == "All good here." and "sold out" not in out[0]


@MODEL
def test_with_the_templates_first_only_what_they_leave_is_batched(monkeypatch):
    """template,model: a first pass notes the sentences no template rewrote; only those reach the model."""
    asked = []
    real = inference.generate

    def noting(sentences, *args, **kwargs):
        asked.extend(sentences)
        return real(sentences, *args, **kwargs)

    monkeypatch.setattr(inference, "generate", noting)
    texts = ["Unfortunately the green kettle is out of stock.", "We can't do anything about the weather, sorry.",
             "Thanks for waiting, the parcel left today."]
    results = Rewriter("en", engines=("template", "model"), today=TODAY).rewrite_many(texts)
    assert results[0].engine == "template"
    assert "We can't do anything about the weather, sorry." in asked      # (and its clause, tried on its own)
    assert not any("kettle" in s or "parcel" in s for s in asked)
