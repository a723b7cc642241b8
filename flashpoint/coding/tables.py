"""Regenerate the packaged CAMEO table (data/cameo_codes.csv) from the reference facts.

The shared reference table mixes two Goldstein sources, two quad conventions and a few
transcription faults; the coder needs one clean row per code. Run from the checkout:

    .venv/bin/python -m flashpoint.coding.tables ../shared/reference/cameo_event_codes.csv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from flashpoint.coding.ontology import CAMEO_TABLE, quad_class

#: Faults in the public lookup text: an encoding slip, a typo, and two rows run together
#: (GDELT's 106 is "Demand withdrawal"; the reference's 106 name belongs to 108).
_NAME_FIXES = {
    "044": "Meet at a third location",
    "033": "Express intent to provide material aid, not specified below",
    "0333": "Express intent to provide humanitarian aid",
    "1056": "Demand de-escalation of military engagement",
    "106": "Demand withdrawal",
    "2041": "Use chemical, biological, or radiological weapons",
}
_GOLDSTEIN_FIXES = {"106": -5.0}


def _rows(reference: Path) -> list[dict[str, str]]:
    with reference.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def build(reference: Path, out: Path = CAMEO_TABLE) -> int:
    """Write code, root, name, goldstein (GDELT scale, ICEWS where GDELT has none), quad."""
    written = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "root", "name", "goldstein", "quad_class"])
        for row in _rows(reference):
            code = row["code"]
            name = _NAME_FIXES.get(code, " ".join(row["name"].split()))
            goldstein = _GOLDSTEIN_FIXES.get(
                code, float(row["goldstein_gdelt"] or row["goldstein_icews"])
            )
            writer.writerow([code, code[:2], name, goldstein, quad_class(code)])
            written += 1
    return written


if __name__ == "__main__":
    count = build(Path(sys.argv[1]))
    print(f"wrote {count} codes to {CAMEO_TABLE}")
