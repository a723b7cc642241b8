"""Quotation-mark spans found on the raw text.

The parser splits sentences badly inside quotations, so quotations are found on characters:
curly and straight double marks (nested marks stay inside the outer quotation), British
single marks around a whole sentence, and the newspaper convention that a quotation running
over paragraphs reopens each paragraph without closing the previous one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: One regex pass finds every double mark (typewriter ``''`` too) and every line break.
_EVENT = re.compile(r"''|[“”„«»\"]|\n")
_OPENERS = "“„«"
_LOW_OPENER, _LOW_CLOSER = "„", "“"
_REOPEN = re.compile(r"\s*(''|[\"“„«])")
_CLOSERS = "”»"
#: A straight mark opens after these characters (or at the start of the text).
_BEFORE_OPEN = " \t\n([{\u2013\u2014-/:"
#: British style: 'We will not leave,' he said.  Opens before a capital, closes after
#: sentence punctuation, never crosses a line.
_SINGLE = re.compile("(?<![\\w\u2019'])[\u2018'](?=[A-Z])[^\\n\u2018]*?[,.!?][\u2019'](?!\\w)")


@dataclass(frozen=True, slots=True)
class Quotation:
    """Characters ``start:end`` including the marks; ``closed`` is False when the text
    ended the paragraph without a closing mark."""

    start: int
    end: int
    closed: bool = True
    close_width: int = 1

    @property
    def inner_end(self) -> int:
        """Offset just inside the closing mark."""
        return self.end - self.close_width if self.closed else self.end


def find_quotations(text: str) -> list[Quotation]:
    """Outermost quotations in ``text``, in order."""
    doubles = _double_quotations(text)
    singles = [
        Quotation(m.start(), m.end())
        for m in _SINGLE.finditer(text)
        if not any(q.start <= m.start() < q.end for q in doubles)
    ]
    return sorted(doubles + singles, key=lambda q: q.start)


def _role(text: str, i: int, j: int) -> str:
    """'open', 'close' or '' for the double mark ``text[i:j]``; straight marks by their
    neighbours."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[j] if j < len(text) else " "
    if mark in _OPENERS:
        # "“It's unusual,“ said …": an opening mark glued to the words before is a closer.
        misprinted = not before.isspace() and before not in _BEFORE_OPEN and after.isspace()
        return "close" if misprinted else "open"
    if mark in _CLOSERS:
        # "”Word" after a space is a misprinted opening mark.
        return "open" if before in _BEFORE_OPEN and after.isalnum() else "close"
    if before in _BEFORE_OPEN and not after.isspace():
        return "open"
    return "" if before.isspace() and after.isspace() else "close"


def _reopens(text: str, i: int) -> bool:
    """Does the paragraph starting after the line break at ``i`` open with a quotation mark?"""
    return _REOPEN.match(text, i) is not None


def _double_quotations(text: str) -> list[Quotation]:
    found: list[Quotation] = []
    start, depth, skip_next_open = -1, 0, False
    for m in _EVENT.finditer(text):
        i = m.start()
        if text[i] == "\n":
            if depth and _reopens(text, i):
                skip_next_open = True  # the next paragraph continues this quotation
            elif depth:
                found.append(Quotation(start, _trim_end(text, i), closed=False))
                depth = 0
            continue
        role = _role(text, i, m.end())
        if depth == 1 and text[start] == _LOW_OPENER and text[i] == _LOW_CLOSER:
            role = "close"  # German „…“
        if role == "open":
            if skip_next_open:
                skip_next_open = False
            elif depth == 0:
                start, depth = i, 1
            else:
                depth += 1
        elif role == "close" and depth:
            skip_next_open = False
            depth -= 1
            if depth == 0:
                found.append(Quotation(start, m.end(), close_width=m.end() - i))
    if depth:
        found.append(Quotation(start, _trim_end(text, len(text)), closed=False))
    return found


def _trim_end(text: str, i: int) -> int:
    """``i`` moved back over whitespace."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i
