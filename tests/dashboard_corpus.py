"""Project-written store rows for the dashboard tests: two fictional countries (Aldoria,
Berenia) with three calm weeks then shelling, one story reported by two outlets (a story
cluster and two conflicting estimates), and an article written to attack the page."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

REEF = {"location_name": "Coral Reef", "location_country": "ALD", "location_lat": 15.1,
        "location_lon": 117.8, "location_precision": "point"}  # fmt: skip
PORT_VELL = {"location_name": "Port Vell", "location_country": "BER", "location_lat": 14.6,
             "location_lon": 121.0, "location_precision": "point"}  # fmt: skip
#: Located only to its country: counted, never drawn as a place.
BERENIA = {"location_name": "Berenia", "location_country": "BER", "location_lat": 12.0,
           "location_lon": 122.0, "location_precision": "country"}  # fmt: skip
BOATS = ("Berenian fishing boats", "BER")
CL = "cl-reef"
HOSTILE_TITLE = "<script>window.__xss = 1</script>Protest"
HOSTILE_TEXT = (
    'Protesters in Port Vell <img src=x onerror="window.__xss = 2"> threatened Aldorian '
    'envoys on Wednesday. "We will not back down," said <b>Mara Tolen</b>, a union leader.'
)


class Corpus:
    """Rows for a fresh store, with offsets computed from the texts they point into."""

    def __init__(self) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = {
            "articles": [], "events": [], "event_actors": [], "quotes": [], "claims": [],
            "clusters": [],
        }  # fmt: skip
        self.texts: dict[str, str] = {}

    def article(self, aid: str, day: date, text: str, title: str, outlet: str) -> str:
        self.texts[aid] = text
        self.tables["articles"].append({
            "article_id": aid, "url": f"https://news.invalid/{aid}", "outlet": outlet,
            "title": title, "published": day, "lang": "en", "text": text,
            "source_path": f"{aid}.txt", "ingested_at": datetime(2025, 4, 1),
        })  # fmt: skip
        return aid

    def span(self, aid: str, part: str, after: int = 0) -> tuple[int, int]:
        start = self.texts[aid].index(part, after)
        return start, start + len(part)

    def event(self, aid: str, eid: str, sentence: str, trigger: str, source: tuple[str, str],
              target: tuple[str, str], kind: tuple[str, int, float], day: date,
              place: dict[str, Any] | None = None, cluster: str | None = None) -> None:  # fmt: skip
        """``source``/``target`` = (surface text, country); ``kind`` = (type, quad, goldstein)."""
        first, _ = self.span(aid, sentence)
        start, end = self.span(aid, trigger, first)
        event_type, quad, goldstein = kind
        self.tables["events"].append({
            "article_id": aid, "event_id": eid, "sentence_index": 0, "char_start": start,
            "char_end": end, "sentence": sentence, "event_type": event_type,
            "cameo_code": "190", "cameo_root": "19", "quad_class": quad, "goldstein": goldstein,
            "event_date": day, "date_precision": "day", "modality": "asserted",
            "confidence": 0.9, "pattern": f"test.{event_type.lower()}",
            "coder_version": "test", "cluster_id": cluster, **(place or {}),
        })  # fmt: skip
        for role, (text, country) in (("source", source), ("target", target)):
            a, b = self.span(aid, text, first)
            self.tables["event_actors"].append({
                "article_id": aid, "event_id": eid, "role": role, "text": text,
                "country": country, "sector": "GOV", "char_start": a, "char_end": b,
            })  # fmt: skip


def build_corpus() -> Corpus:
    c = Corpus()
    start = date(2025, 2, 16)
    for i in range(20):  # calm weeks, then shelling on the last days: an escalation
        day = start + timedelta(days=i)
        hot = i >= 16
        sentence = (
            f"Aldorian troops shelled Berenian posts near Coral Reef, report {i}."
            if hot else f"Aldorian envoys met Berenian officials in Port Vell, round {i}."
        )  # fmt: skip
        aid = c.article(f"daily{i:02d}", day, sentence + " More later.", f"Day {i}", "Test Wire")
        kind = ("ASSAULT", 4, -10.0) if hot else ("CONSULT", 1, 1.0)
        source = ("Aldorian troops", "ALD") if hot else ("Aldorian envoys", "ALD")
        target = ("Berenian posts", "BER") if hot else ("Berenian officials", "BER")
        c.event(aid, f"ev-daily{i:02d}", sentence, "shelled" if hot else "met", source, target,
                kind, day, REEF if hot else BERENIA if i == 0 else PORT_VELL)  # fmt: skip

    day = date(2025, 3, 11)
    s1 = "Aldorian coast guard ships fired water cannon at Berenian fishing boats on Monday."
    a1 = c.article("reef-wire", day, f"{s1} Berenia said 12 vessels were there.",
                   "Water cannon at the reef", "Test Wire")  # fmt: skip
    s2 = "Berenian fishing boats were hit with water cannon by Aldorian coast guard ships."
    a2 = c.article("reef-post", day, f"Witnesses said so. {s2} Aldoria counted about 30 vessels.",
                   "Boats hit at the reef", "Harbor Post")  # fmt: skip
    ships, boats, assault = ("Aldorian coast guard ships", "ALD"), BOATS, ("ASSAULT", 4, -10.0)
    c.event(a1, "ev-cannon-wire", s1, "fired water cannon", ships, boats, assault, day, REEF, CL)
    c.event(a2, "ev-cannon-post", s2, "hit with water cannon", ships, boats, assault, day, REEF, CL)
    c.tables["clusters"].append({
        "cluster_id": CL, "representative_article_id": a1,
        "representative_event_id": "ev-cannon-wire", "event_type": "ASSAULT", "quad_class": 4,
        "source_country": "ALD", "target_country": "BER", "event_date": day, "num_mentions": 2,
        "num_articles": 2, "num_sources": 2, "first_seen": day, "last_seen": day,
    })  # fmt: skip
    for aid, claim, (lo, hi), qualifier, (who, country) in (
        (a1, "12 vessels", (12, 12), None, ("Berenia", "BER")),
        (a2, "about 30 vessels", (30, 30), "about", ("Aldoria", "ALD")),
    ):
        a, b = c.span(aid, claim)
        wa, wb = c.span(aid, who)
        c.tables["claims"].append({
            "article_id": aid, "claim_id": f"cl-{aid}", "sentence_index": 1, "char_start": a,
            "char_end": b, "subject": "vessels", "value_low": lo, "value_high": hi,
            "qualifier": qualifier, "unit": "count", "attributed_to_text": who,
            "attributed_to_country": country, "attributed_to_char_start": wa,
            "attributed_to_char_end": wb, "as_of": day,
        })  # fmt: skip

    hostile = c.article("hostile", date(2025, 3, 12), HOSTILE_TEXT, HOSTILE_TITLE, "<i>Wire</i>")
    c.tables["articles"][-1]["url"] = "javascript:window.__xss = 3"
    sentence = HOSTILE_TEXT.split(" on Wednesday.")[0] + " on Wednesday."
    actors = ("Protesters", "BER"), ("Aldorian envoys", "ALD")
    threat = ("THREATEN", 3, -4.0)
    c.event(
        hostile, "ev-hostile", sentence, "threatened", *actors, threat, date(2025, 3, 12), PORT_VELL
    )
    a, b = c.span(hostile, '"We will not back down,"')
    sa, sb = c.span(hostile, "<b>Mara Tolen</b>")
    c.tables["quotes"].append({
        "article_id": hostile, "quote_id": "q1", "sentence_index": 1, "char_start": a,
        "char_end": b, "content": "We will not back down,", "kind": "direct", "cue": "said",
        "speaker_text": "<b>Mara Tolen</b>", "speaker_name": "Mara Tolen",
        "speaker_country": "BER", "speaker_sector": "LAB", "speaker_char_start": sa,
        "speaker_char_end": sb, "confidence": 0.9,
    })  # fmt: skip
    return c
