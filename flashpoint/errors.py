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
    E043 = "[E043] Cannot read gold actor spans {path}, line {line}: {reason}"
    E050 = "[E050] Cannot read the quote/claim data file {path}: {reason}"
    E060 = "[E060] Bad geo data file {path}: {reason}"
    E061 = "[E061] Cannot read the geo gold file {path}: {reason}"
    # REST API (flashpoint.api)
    E080 = "[E080] Bad query parameter {name}={value!r}: {reason}"
    E081 = "[E081] No {what} with id {value!r}."
    E082 = (
        "[E082] Writing is disabled: start the server with FLASHPOINT_TOKEN set to accept "
        "POST {path}."
    )
    E083 = "[E083] Missing or wrong bearer token: send 'Authorization: Bearer <FLASHPOINT_TOKEN>'."
    E084 = "[E084] Request body of {size} bytes is over the limit of {limit} bytes."
    E085 = "[E085] Send the request body with a Content-Length header (at most {limit} bytes)."
    E086 = "[E086] Bad article in the request body: {reason}"
    E070 = "[E070] Bad dyad {value!r}: {reason}"
    E071 = "[E071] Bad frequency {value!r}: choose one of {choices}."
    E072 = "[E072] Bad sensitivity {value!r}: {reason}"
    E073 = "[E073] Bad date {name}={value!r}: {reason}"
    E074 = "[E074] Cannot draw the timeline to {path}: {reason}"
    E090 = "[E090] {path} holds no Dask run output (no _manifest.json); run with --out first."
    E091 = "[E091] Cannot read the run manifest {path}: {reason}"
    E092 = (
        "[E092] {out} holds the output of other inputs or another --partitions; "
        "give a new --out or the same inputs and --partitions."
    )
    E093 = "[E093] The Dask engine cannot read {path}: {reason}"
    E094 = "[E094] {count} partition(s) failed and will be retried by the next run: {details}"
    E095 = "[E095] Cannot reach the Dask scheduler {address}: {reason}"
    E096 = "[E096] --engine dask needs --out DIR for its Parquet output."
