"""The seq2seq stage: corpus, a tiny model trained in seconds, both back ends, and the shipped model."""
import random
from pathlib import Path

import pytest

from rewriter import Rewriter
from rewriter.banks import available_languages, load_bank
from rewriter.model.corpus import from_model_output, generate, held_out_pattern, model_input
from rewriter.model.expand import expand
from rewriter.stages import seq2seq
from rewriter.text.protect import SENTINEL_FIRST


def test_expand_fills_slots_and_chooses_among_alternatives():
    rng = random.Random(1)
    seen = {expand("{item} is [currently] (out of stock|sold out)", {"item": "the lamp"}, rng) for _ in range(40)}
    assert seen == {"the lamp is out of stock", "the lamp is sold out", "the lamp is currently out of stock",
                    "the lamp is currently sold out"}


def test_placeholders_round_trip_through_model_text():
    s1, s3 = chr(SENTINEL_FIRST + 1), chr(SENTINEL_FIRST + 3)
    text, order = model_input(f"Hi {s3}, the {s1} lamp is {s3}.", "en", "casual")
    assert text == "<en> <casual> Hi <p0>, the <p1> lamp is <p0>."
    assert from_model_output("I can order the <p1> lamp, <p0>.", order) == f"I can order the {s1} lamp, {s3}."
    assert from_model_output("I can order <p7>.", order) is None


def test_corpus_is_deterministic_and_holds_out_whole_phrasings():
    first = generate(["nb"], per_pattern=1, seed=3)
    assert first == generate(["nb"], per_pattern=1, seed=3)
    bank = load_bank("nb")
    held = {r.id: r.patterns[held_out_pattern(r)].source for r in bank.rules if held_out_pattern(r) is not None}
    assert held and {p.split for p in first} == {"train", "test"}
    assert all(p.source.startswith("<nb> <") for p in first)
    assert all(p.rule in held for p in first if p.split == "test")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from rewriter.model.train import TrainConfig, train

    out = tmp_path_factory.mktemp("tiny") / "model"
    cfg = TrainConfig(d_model=64, d_ff=128, layers=1, decoder_layers=1, heads=2, vocab_size=800, batch_size=16,
                      minutes=2, max_steps=20, per_pattern=1, languages=("nb",), warmup_steps=5)
    stats = train(out, cfg, log=lambda _: None)
    return out, stats


def test_tiny_model_trains_saves_and_loads(tiny_model):
    out, stats = tiny_model
    assert stats["steps"] == 20 and stats["final_loss"] > 0
    for name in ("model.safetensors", "spiece.model", "config.json", "training.json", "ct2/model.bin"):
        assert (out / name).is_file(), name


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
def test_both_back_ends_generate(tiny_model, backend):
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    from rewriter.model.inference import Generator

    [outputs] = Generator(tiny_model[0], backend).generate(["<nb> <formal> Jakken er utsolgt."], beams=2)
    assert len(outputs) == 2 and all(isinstance(o, str) for o in outputs)


def test_an_untrained_model_never_gets_past_verification(tiny_model):
    seq2seq.available.cache_clear()
    result = Rewriter("nb", model_dir=tiny_model[0]).rewrite("Dessverre er jakken utsolgt.")
    # The tiny model writes nonsense; verification drops it and the templates answer.
    assert result.engine == "template" and result.changed
    attempts = [a for step in result.trace for a in step.attempts]
    assert all(a.failures for a in attempts if a.engine == "model")


SHIPPED = seq2seq.MODEL_DIR


@pytest.mark.skipif(not seq2seq.available(SHIPPED), reason="no model shipped in rewriter/models/default")
@pytest.mark.parametrize("lang", available_languages())
def test_shipped_model_candidates_go_through_verification(lang):
    bank = load_bank(lang)
    rewriter = Rewriter(lang, engines=("model",))
    examples = [ex for rule, ex in bank.examples() if not ex.unchanged and rule != "reply"]
    results = [rewriter.rewrite(ex.input) for ex in examples[:200]]
    tried = [a for r in results for step in r.trace for a in step.attempts if a.engine == "model"]
    # Every language's model writes candidates and the gate weighs each one;
    # what it lets through says no "not". How many pass is a benchmark
    # (docs/BENCHMARKS.md): fewer as the banks move away from what the model
    # was trained on (is, thirteenth session: none, the one phrasing it had
    # learned, "Í stað afhendingar ...", was taken out of the banks as a calque).
    # The share of examples it writes a candidate for falls the same way (fi,
    # nineteenth session: 95 of 200 examples, en 105, is 143, nb 157): a third
    # is what this holds it to.
    assert len(tried) >= len(results) // 3, f"{lang}: {len(tried)} model candidates for {len(results)} examples"
    assert all(not bank.language.negation.search(e.replacement)
               for r in results if r.engine == "model" for e in r.edits)


@pytest.mark.skipif(not seq2seq.available(SHIPPED), reason="no model shipped in rewriter/models/default")
def test_shipped_model_rewrites_some_bank_examples_through_verification():
    passed = {}
    for lang in ("en", "fi", "nb"):
        rewriter = Rewriter(lang, engines=("model",))
        examples = [ex for rule, ex in load_bank(lang).examples() if not ex.unchanged and rule != "reply"]
        passed[lang] = sum(rewriter.rewrite(ex.input).engine == "model" for ex in examples)
    assert sum(passed.values()) >= 1, passed


def test_a_space_dropped_next_to_a_placeholder_is_put_back():
    from rewriter.model.corpus import respace

    assert respace("I can order the<p0>lamp.", "<en> <casual> The <p0> lamp is out.") == "I can order the <p0> lamp."
    assert respace("Order #<p0>.", "<en> <casual> Order #<p0> is late.") == "Order #<p0>."


def test_no_space_before_punctuation_in_model_output():
    s0 = chr(SENTINEL_FIRST)
    text, order = model_input(f"Hello {s0}, the lamp is out.", "en", "casual")
    assert from_model_output("Hello <p0> , I can help .", order, text) == f"Hello {s0}, I can help."
