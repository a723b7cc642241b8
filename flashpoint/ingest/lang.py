"""A cheap English check, so non-English articles are stored but not parsed as English."""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 20
MIN_STOPWORD_SHARE = 0.12


def guess_lang(text: str) -> str | None:
    """'en' when English function words are common, 'und' when clearly not, None if too short.

    English news prose has 35-50% stop words; other Latin-script languages share few
    of them and non-Latin scripts none, so a low share is a reliable "not English".
    """
    words = _WORD.findall(text[:5000].lower())
    if len(words) < MIN_WORDS:
        return None
    share = sum(w in STOP_WORDS for w in words) / len(words)
    return "en" if share >= MIN_STOPWORD_SHARE else "und"
