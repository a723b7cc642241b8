"""Web pages to article text with trafilatura, keeping only the story.

Menus, cookie banners, "Read more" links and related-story lists are boilerplate that would
feed false events downstream, so extraction favours precision and drops comments and tables.
Paragraphs are separated by a blank line. HTML fragments from feeds, which are already the
article body, are flattened with lxml instead, minus the usual feed boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.xml import xmltotxt

from flashpoint.ingest.base import IngestError, Item, ReaderOptions
from flashpoint.ingest.common import (
    Cursor,
    Where,
    decode_or_report,
    make_article,
    one_line,
    read_limited,
    too_big,
)
from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.decode import declared_charset

NO_ARTICLE = "no article text found in HTML"

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
    | {"pre", "tr", "table", "section", "article", "header", "footer", "figure", "figcaption"}
    | {"hr", "dd", "dt"}
)
# Whole link texts that are navigation, not prose: "Read more »", "Continue reading: X →".
_READ_MORE = re.compile(
    r"(?:read more|continue reading|read the (?:full|whole) (?:story|article)|full story)\b.{0,80}"
    r"|more\W*",
    re.I,
)
_HTML_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)""", re.I
)
_POST_APPEARED = re.compile(r"^The post .+ appeared first on .+\.?$", re.S)


def read_html(
    stream: BinaryIO, path: str, options: ReaderOptions, cursor: Cursor
) -> Iterator[Item]:
    """The article of one HTML file."""
    data = read_limited(stream, options)
    if data is None:
        yield IngestError(path, too_big(options))
        return
    if not data.strip():
        yield IngestError(path, "empty file")
        return
    yield from html_article(data, Where(path), options)


def html_article(
    data: bytes,
    where: Where,
    options: ReaderOptions,
    *,
    url: str | None = None,
    charset: str | None = None,
    fallback_date: date | None = None,
) -> Iterator[Item]:
    """The article in an HTML page; `url`, `charset` and `fallback_date` come from the
    container (a WARC record's target URI, HTTP header and capture date) when there is one."""
    html, problem = decode_or_report(data, where, charset or declared_charset(data))
    if problem:
        yield problem
    if html is None:
        return
    document = _extract(html, url)
    text = _body_text(document) if document is not None else ""
    if not text:
        yield where.error(NO_ARTICLE)
        return
    yield make_article(
        text,
        where,
        options,
        title=document.title,
        url=url or document.url,
        outlet=document.sitename or document.hostname,
        published=parse_date(document.date) or fallback_date,
        lang=declared_lang(html),
    )


def declared_lang(html: str) -> str | None:
    """The language in the page's <html lang="..."> attribute, if any."""
    match = _HTML_LANG.search(html[:4096])
    return match.group(1) if match else None


def _extract(html: str, url: str | None) -> Any:
    """trafilatura's Document for the page (text, title, date, sitename, url), or None."""
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )


def _body_text(document: Any) -> str:
    """Paragraphs of the extracted body separated by blank lines, without a leading
    headline that only repeats the title."""
    body = document.body
    if body is None:
        return ""
    blocks = [xmltotxt(element, False).strip() for element in body]
    blocks = [block for block in blocks if block]
    if blocks and document.title and _same(blocks[0], document.title):
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def _same(a: str, b: str) -> bool:
    """Equal up to case and whitespace."""
    return one_line(a).casefold() == one_line(b).casefold()


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one paragraph per block
    element, blank lines between, links like "Read more" and WordPress footers dropped."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, "script", "style", with_tail=False)
    for link in list(root.iter("a")):
        if _READ_MORE.fullmatch(one_line(link.text_content())):
            link.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    paragraphs = (one_line(part) for part in re.split(r"\n\s*\n", root.text_content()))
    return "\n\n".join(p for p in paragraphs if p and not _POST_APPEARED.match(p))
