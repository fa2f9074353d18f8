"""--engine order: template,model asks the model only for what the templates could not rewrite."""
import datetime as dt

import pytest

from rewriter.cli.main import main
from rewriter.errors import RewriterError
from rewriter.pipeline import Rewriter
from rewriter.stages import seq2seq
from rewriter.stages.candidate import Candidate

TODAY = dt.date(2026, 11, 29)
KNOWN = "Unfortunately the green kettle is out of stock."
UNKNOWN = "We can't do anything about the weather, sorry."


@pytest.fixture
def model_calls(monkeypatch):
    """A stand-in model that records each sentence it is asked about and offers one rewrite."""
    calls = []

    def fake(sentence, lang, tone, beams=1, model_dir=None, values=None):
        calls.append(sentence)
        return [Candidate("We can help you plan around the weather.", "model", "model")]

    monkeypatch.setattr(seq2seq, "available", lambda model_dir=None: True)
    monkeypatch.setattr(seq2seq, "candidates", fake)
    return calls


def test_templates_first_never_ask_the_model_about_a_sentence_they_rewrite(model_calls):
    result = Rewriter("en", engines=("template", "model"), today=TODAY).rewrite(KNOWN)
    assert result.changed and result.engine == "template"
    assert model_calls == []


def test_templates_first_hand_the_model_what_they_leave(model_calls):
    rw = Rewriter("en", engines=("template", "model"), today=TODAY, explain=True)
    result = rw.rewrite(UNKNOWN)
    assert UNKNOWN in model_calls      # and the clauses the template stage cut it into, each after the templates
    engines = [a.engine for a in result.trace[0].attempts]
    assert "model" in engines and not result.changed     # (its rewrite adds words the input lacks: refused)


def test_model_first_asks_the_model_before_any_template(model_calls):
    result = Rewriter("en", engines=("model", "template"), today=TODAY, explain=True).rewrite(KNOWN)
    assert model_calls == [KNOWN]
    assert result.trace[0].attempts[0].engine == "model"


def test_template_alone_never_asks_the_model(model_calls):
    Rewriter("en", today=TODAY).rewrite(UNKNOWN)
    assert model_calls == []


def test_the_template_order_keeps_the_template_answers():
    texts = [KNOWN, UNKNOWN, "Dessverre er den grønne vannkokeren ikke på lager.", "Thanks, the parcel left today."]
    for text in texts:
        alone = Rewriter("auto", today=TODAY).rewrite(text)
        first = Rewriter("auto", engines=("template", "model"), today=TODAY).rewrite(text)
        if alone.changed:
            assert first.to_dict() == alone.to_dict()


def test_an_unknown_engine_is_refused():
    with pytest.raises(RewriterError, match="unknown engine"):
        Rewriter("en", engines=("template", "llm"))


def test_cli_accepts_the_templates_first(capsys, model_calls):
    assert main(["rewrite", "--lang", "en", "--engine", "template,model", KNOWN]) == 0
    assert "kettle" in capsys.readouterr().out
    assert model_calls == []
