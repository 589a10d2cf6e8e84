"""The CAMEO event ontology: codes, labels, Goldstein scores, quad classes and PLOVER types.

Loaded once from ``data/cameo/codes.tsv`` (built by ``scripts/build_cameo.py``); every other stage
asks this module whether a code exists and what it means rather than keeping its own copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyad.resources import DataError, data_path, read_tsv


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code and what dyad reports with it."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    root: str
    plover: str
    plover_mode: str


class Ontology:
    """All CAMEO codes, keyed by code."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self.codes = codes

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]

    def roots(self) -> list[str]:
        return sorted(c for c in self.codes if len(c) == 2)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The shipped CAMEO table, validated."""
    path = data_path("cameo", "codes.tsv")
    rows = read_tsv(path, required=("code", "label", "goldstein", "quad_class", "root"))
    codes: dict[str, CameoCode] = {}
    for n, row in enumerate(rows, 2):
        code = row["code"]
        if not code.isdigit() or not 2 <= len(code) <= 4 or code in codes:
            raise DataError(f"codes.tsv: line {n}: bad or duplicate code {code!r}")
        goldstein = float(row["goldstein"])
        quad = int(row["quad_class"])
        if not -10.0 <= goldstein <= 10.0 or quad not in (1, 2, 3, 4):
            raise DataError(f"codes.tsv: line {n}: Goldstein or quad class out of range")
        if not code.startswith(row["root"]):
            raise DataError(f"codes.tsv: line {n}: code {code} not under root {row['root']}")
        plover = row.get("plover_type", "")
        codes[code] = CameoCode(
            code=code,
            label=row["label"],
            goldstein=goldstein,
            quad_class=quad,
            root=row["root"],
            plover="" if plover == "NONE" else plover,
            plover_mode=row.get("plover_mode", ""),
        )
    if len([c for c in codes if len(c) == 2]) != 20:
        raise DataError("codes.tsv: expected the 20 CAMEO roots")
    return Ontology(codes)
