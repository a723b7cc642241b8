"""The ``flashpoint_geo`` pipeline component: where each coded event happened.

Place it after ``flashpoint_events``: it reads ``doc._.events`` and sets each Event's
``location`` (see :mod:`flashpoint.geo.locate` for the rules). The gazetteer and lexicon
are built once per process and shared by every pipeline.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from flashpoint.coding.component import events_of
from flashpoint.geo.gazetteer import Gazetteer, gazetteer
from flashpoint.geo.lexicon import GeoLexicon, geo_lexicon
from flashpoint.geo.locate import DocPlaces, locate_all
from flashpoint.geo.places import Resolved, find_mentions, focus, resolve, resolve_mention


def dateline_place(doc: Doc, gaz: Gazetteer, lexicon: GeoLexicon) -> Resolved | None:
    """The place of a wire dateline at the start of the text, if the gazetteer knows it;
    its own qualifier ("PARIS, Texas") picks among same-named places, size otherwise."""
    match = lexicon.dateline.match(doc.text[:200])
    if match is None:
        return None
    candidates = gaz.lookup(match["place"])
    if not candidates:
        return None
    qualifier = tuple(gaz.lookup(match["qualifier"])) if match["qualifier"] else ()
    return resolve(candidates, {}, qualifier)


def doc_places(doc: Doc, gaz: Gazetteer, lexicon: GeoLexicon) -> DocPlaces:
    """Every place mention of the Doc resolved against the article's country focus."""
    mentions = find_mentions(doc, gaz, lexicon)
    dateline = dateline_place(doc, gaz, lexicon)
    actors: Any = doc._.actors if Doc.has_extension("actors") else None
    spans = [(a.country, a.char_start, a.char_end) for a in actors or ()] or [
        (a.country, a.char_start, a.char_end)
        for e in events_of(doc)
        for a in (*e.source, *e.target)
    ]
    votes = focus(doc, mentions, spans, gaz, lexicon, dateline)
    resolved = [resolve_mention(m, votes, gaz) for m in mentions]
    return DocPlaces(mentions, resolved, dateline, votes)


class GeoLocator:
    """Holds the shared gazetteer and lexicon; each call resolves the Doc's places once,
    then locates each event."""

    def __init__(self, nlp: Language, name: str = "flashpoint_geo") -> None:
        self.name = name
        self.gazetteer = gazetteer()
        self.lexicon = geo_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        events = events_of(doc)
        if events:
            places = doc_places(doc, self.gazetteer, self.lexicon)
            locate_all(doc, events, places, self.gazetteer, self.lexicon)
        return doc


@Language.factory(
    "flashpoint_geo",
    assigns=["doc._.events"],
    requires=["doc._.events", "doc.ents", "token.dep"],
)
def make_geo_locator(nlp: Language, name: str) -> GeoLocator:
    """spaCy factory: ``nlp.add_pipe("flashpoint_geo")`` after ``flashpoint_events``."""
    return GeoLocator(nlp, name)
