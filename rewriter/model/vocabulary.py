"""The SentencePiece tokenizer of the model, trained on the corpus.

A corpus of templates alone has few distinct pieces, so Babel's locale data
(month, day, country and currency names in each language) is added as an
offline source of real words. Language and tone tags and the placeholders
<p0>..<p15> are user-defined symbols: always one piece, never split.
"""
from __future__ import annotations

from pathlib import Path

from .corpus import TAGS, Pair

# T5's conventions: pad 0, eos 1, unk 2 (decoding starts from pad).
PAD_ID, EOS_ID, UNK_ID = 0, 1, 2


def babel_words(locales: list[str]) -> list[str]:
    """Lines of real words per locale, from Babel's CLDR data (offline)."""
    from babel import Locale  # noqa: PLC0415

    lines = []
    for code in locales:
        locale = Locale.parse(code)
        lines.append(" ".join(locale.months["format"]["wide"].values()))
        lines.append(" ".join(locale.months["stand-alone"]["wide"].values()))
        lines.append(" ".join(locale.days["format"]["wide"].values()))
        lines += [" ".join(list(locale.territories.values())[i:i + 20]) for i in range(0, len(locale.territories), 20)]
        lines += [" ".join(list(locale.currencies.values())[i:i + 20]) for i in range(0, len(locale.currencies), 20)]
    return lines


def train_tokenizer(pairs: list[Pair], locales: list[str], out_dir: Path, vocab_size: int = 6000) -> Path:
    """Train ``spiece.model`` in ``out_dir`` and return its path."""
    import sentencepiece as spm  # noqa: PLC0415

    out_dir.mkdir(parents=True, exist_ok=True)
    text = out_dir / "tokenizer-corpus.txt"
    lines = [p.source.split(" ", 2)[2] for p in pairs] + [p.target for p in pairs] + babel_words(locales)
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spm.set_random_generator_seed(13)
    spm.SentencePieceTrainer.train(
        input=str(text), model_prefix=str(out_dir / "spiece"), vocab_size=vocab_size, model_type="unigram",
        character_coverage=1.0, pad_id=PAD_ID, eos_id=EOS_ID, unk_id=UNK_ID, bos_id=-1,
        user_defined_symbols=TAGS, hard_vocab_limit=False, num_threads=1, minloglevel=2, byte_fallback=True,
    )
    text.unlink()
    return out_dir / "spiece.model"
