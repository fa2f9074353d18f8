"""Full-reply mode: wrap the rewritten sentences in the H.E.L.P. shape.

Hear and empathise (apologising without admitting fault) before the first
rewritten sentence, lead with what we can do (the rewrite itself), and
provide a follow-up commitment after the last one. Greetings and sign-offs
around them stay where they are. The follow-up is left out when the
organisation does not allow the ``follow_up`` action; it names a date only
when the settings ask for dated follow-ups.
"""
from __future__ import annotations

import re

from .banks.model import Bank
from .config import OrgConfig


def wrap(replacements: list[str], situation: str, tone: str, bank: Bank, config: OrgConfig,
         computed: dict[str, str], lead: str = "") -> list[str]:
    """The replacements with the empathy line before the first and the follow-up after the last.

    A greeting kept in front of the first rewrite (``lead``, "Hei Maija, ")
    stays first: the empathy line follows it.
    """
    reply = bank.reply
    if reply is None or not replacements:
        return replacements
    empathy = reply.by_situation.get(situation, {}).get(tone) or reply.empathy[tone]
    out = list(replacements)
    if lead and out[0].startswith(lead):
        rest = out[0][len(lead):]
        out[0] = f"{lead}{empathy[:1].lower()}{empathy[1:]} {rest[:1].upper()}{rest[1:]}"
    else:
        out[0] = f"{empathy} {out[0]}"
    if config.allows(("follow_up",)):
        follow_up = reply.follow_up[tone] if config.dated else reply.follow_up_undated.get(tone)
        if follow_up and "{" in follow_up and not computed:
            follow_up = None      # a dated line with no date to give
        if follow_up:
            follow_up = re.sub(r"\{([a-z_]+)\}", lambda m: computed[m.group(1)], follow_up)
            out[-1] = f"{out[-1]} {follow_up}"
    return out
