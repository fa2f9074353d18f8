"""The main job, as `make demo` runs it: rewrite a few real support sentences per language.

Shows input, output, which engine and rule produced it, the drafts kept as
suggestions (verification/drafts.py: --apply-drafts applies them), and
findings that no stage could rewrite safely.
"""
from __future__ import annotations

from rewriter import Rewriter
from rewriter.banks import available_languages

SAMPLES = {
    "en": ["Unfortunately the red dress is out of stock.",
           "Hello {{ticket.requester.first_name}}, the Aurora lamp is currently out of stock.",
           "Please calm down.",
           "I'm afraid we can't extend the warranty beyond 24 months.",
           "Hi Tom, the walnut shelf isn't available until April. The brass brackets won't be back in stock before 12 April.",
           "Sorry, we can't ship to Iceland.",
           "Thanks for your patience, I'll send the replacement today."],
    "fi": ["Harmaata sohvaa ei valitettavasti ole varastossa.",
           "Hei {{ticket.requester.first_name}}, Aurora-valaisin on tällä hetkellä loppu varastosta.",
           "En tiedä, milloin tilauksesi saapuu.",
           "Emme valitettavasti toimita Norjaan."],
    "is": ["Því miður er grái sófinn ekki til á lager.",
           "Hæ {{ticket.requester.first_name}}, Aurora-lampinn er uppseldur eins og er.",
           "Ég veit það ekki."],
    "nb": ["Dessverre er den grå sofaen ikke på lager.",
           "Hei {{ticket.requester.first_name}}, Aurora-lampen er for øyeblikket utsolgt.",
           "Det vet jeg ikke.",
           "Vi kan ikke forlenge garantien utover 36 måneder."],
}


def main() -> None:
    for lang in available_languages():
        rewriter = Rewriter(lang)
        print(f"== {lang} ==")
        for text in SAMPLES.get(lang, []):
            result = rewriter.rewrite(text)
            print(f"  in:  {text}")
            print(f"  out: {result.output}")
            rules = ", ".join(e.rule or "" for e in result.edits)
            if result.changed:
                print(f"       ({result.engine}: {rules})")
            drafts = [step for step in result.trace if step.held_because == "draft"]
            for step in drafts:
                draft = next(f.suggestion for f in result.findings if step.start <= f.start < step.end and f.suggestion)
                print(f"  draft, not applied ({'; '.join(step.draft)}):\n       {draft}")
            if result.findings and not result.changed and not drafts:
                print(f"       (kept: {', '.join(f.rule for f in result.findings)} - no safe rewrite)")
            print()


if __name__ == "__main__":
    main()
