"""Records (a JSON object, a CSV row) to articles, using the field names in ReaderOptions.

Each kind of field is looked up under several names, in order; the first non-empty value wins.
Names match exactly first, then ignoring case ("Text" in a spreadsheet header).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from flashpoint.ingest.base import Item, ReaderOptions
from flashpoint.ingest.common import Where, make_article, one_line
from flashpoint.ingest.dates import parse_date

_MAX_SHOWN = 60  # characters of a bad value quoted in a warning


def article_from_record(
    record: Mapping[str, Any], where: Where, options: ReaderOptions
) -> Iterator[Item]:
    """The article in one record, preceded by a warning if its date could not be read."""
    text = first_text(record, options.text_fields)
    if text is None:
        yield where.error(f"no text field; tried {', '.join(options.text_fields)}")
        return
    date_field, raw_date = first_value(record, options.date_fields)
    published = parse_date(raw_date) if raw_date is not None else None
    if raw_date is not None and published is None:
        shown = one_line(str(raw_date))[:_MAX_SHOWN]
        reason = f"unparseable date {shown!r} in field {date_field!r}; published left empty"
        yield where.error(reason, "warning")
    yield make_article(
        text,
        where,
        options,
        title=first_text(record, options.title_fields),
        url=first_text(record, options.url_fields),
        outlet=first_text(record, options.outlet_fields),
        published=published,
        lang=first_text(record, options.lang_fields),
    )


def first_text(record: Mapping[str, Any], names: Sequence[str]) -> str | None:
    """The first of `names` whose value reads as non-blank text."""
    for name in names:
        text = as_text(lookup(record, name))
        if text is not None and text.strip():
            return text
    return None


def first_value(record: Mapping[str, Any], names: Sequence[str]) -> tuple[str, Any]:
    """The first of `names` with a non-empty value, as (name, value); ("", None) if none."""
    for name in names:
        value = lookup(record, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        return name, value
    return "", None


def lookup(record: Mapping[str, Any], name: str) -> Any:
    """record[name], falling back to a case-insensitive match of the key."""
    if name in record:
        return record[name]
    folded = name.casefold()
    for key, value in record.items():
        if isinstance(key, str) and key.casefold() == folded:
            return value
    return None


def as_text(value: Any) -> str | None:
    """Text from a field value: a string, a list of paragraphs, or a {"name": ...} object
    (NewsAPI puts the outlet in source.name)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(part, str) for part in value):
        return "\n\n".join(part.strip() for part in value)
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return None
