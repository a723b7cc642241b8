"""Numbered error messages, so a user can search for one and a test can match it."""

from __future__ import annotations


class FlashpointError(Exception):
    """An error flashpoint explains to the user (bad option, missing model, bad store)."""


class Errors:
    E001 = "[E001] No English spaCy model is installed; tried {names}. Run `make venv`."
    E002 = (
        "[E002] The store {path} has schema version {found}, newer than this flashpoint ({known})."
    )
    E003 = "[E003] Cannot open the store {path}: {reason}"
    E004 = "[E004] Unknown output format {fmt!r}; choose one of {choices}."
    E005 = "[E005] Format {fmt!r} writes binary data; give an output file with -o."
    E006 = "[E006] Bad filter {name}={value!r}: {reason}"
    E101 = "[E101] Cannot read the actor file {path}: {reason}"
    E102 = "[E102] {path}, line {line}: {reason}"
    E103 = "[E103] {path}: the header {header} matches no actor table; use the columns of {tables}."
    E040 = "[E040] Bad event trigger {entry!r} in {origin}: {reason}"
    E041 = "[E041] Cannot read event lexicon {path}: {reason}"
    E042 = "[E042] Bad frame rule in frames.yaml: {rule} ({reason})"
    E050 = "[E050] Cannot read the quote/claim data file {path}: {reason}"
