#!/usr/bin/env python3
"""Build dyad's CAMEO event code table, ``src/dyad/data/cameo/codes.tsv``.

Inputs:

* ``cameo_codes.tsv`` (code, name, goldstein, quad_class, level_digits, root,
  goldstein_source). Only the codes, Goldstein scores, quad classes, digit
  counts and roots are used; the CAMEO manual's names are not shipped.
* ``src/dyad/data/cameo/labels.tsv`` (code, label): dyad's own labels.
* ``CAMEO2PLOVER-2021.txt``: the PLOVER project's CAMEO -> PLOVER table, one
  ``CODE: TYPE, MODE, CONTEXT # comment`` line per code, root-only lines such
  as ``03: AGREE``, blank fields and stray whitespace.

PLOVER values are resolved per code as follows:

1. the code's own line in the PLOVER file;
2. for CAMEO root 02 (appeals), which the PLOVER file leaves out, the line of
   the parallel root-10 (demand) code (``0211`` -> ``1011``), since PLOVER's
   REQUEST type covers requests and demands alike;
3. the nearest parent code that has a mapping (``1834`` -> ``183``);
4. for CAMEO root 01 (public statements), which PLOVER does not code, the
   type ``NONE`` with empty mode and context.

Usage::

    python scripts/build_cameo.py [CAMEO_CODES_TSV] [--plover FILE] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "src" / "dyad" / "data" / "cameo"
DEFAULT_CODES = (REPO_ROOT / ".." / "shared" / "cameo" / "cameo_codes.tsv").resolve()
PLOVER_FILENAME = "CAMEO2PLOVER-2021.txt"

OUT_COLUMNS = (
    "code",
    "label",
    "goldstein",
    "quad_class",
    "root",
    "level",
    "plover_type",
    "plover_mode",
    "plover_context",
)

# PLOVER does not code CAMEO 01 (public statements); this marks them.
NO_PLOVER_TYPE = "NONE"
UNMAPPED_ROOTS = frozenset({"01"})
# CAMEO 02 (appeal) mirrors CAMEO 10 (demand) digit for digit after the root.
MIRRORED_ROOTS = {"02": "10"}


@dataclass(frozen=True)
class PloverMapping:
    """One PLOVER event type, mode and context for a CAMEO code."""

    type: str
    mode: str = ""
    context: str = ""


def _clean(field: str) -> str:
    """Lowercase a mode/context field and normalise inner whitespace."""
    parts = [p.strip().lower() for p in field.split(";")]
    return ";".join(p for p in parts if p)


def parse_plover(path: Path) -> tuple[dict[str, PloverMapping], list[str]]:
    """Parse the CAMEO -> PLOVER table.

    Returns the mapping by CAMEO code and a list of warnings (duplicates,
    malformed lines). On conflicting duplicates the first line wins.
    """
    mapping: dict[str, PloverMapping] = {}
    warnings: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, raw in enumerate(handle, start=1):
            line = raw.split("#", 1)[0].strip()
            if not line or line.startswith("~"):
                continue
            code, sep, rest = line.partition(":")
            code = code.strip()
            if not sep or not code.isdigit():
                warnings.append(f"line {lineno}: unparsed: {raw.rstrip()!r}")
                continue
            fields = [f.strip() for f in rest.split(",")]
            fields += [""] * (3 - len(fields))
            if len(fields) > 3:
                warnings.append(f"line {lineno}: extra fields for {code}")
            entry = PloverMapping(
                type=fields[0].upper(),
                mode=_clean(fields[1]),
                context=_clean(fields[2]),
            )
            if not entry.type:
                warnings.append(f"line {lineno}: no type for {code}")
                continue
            if code in mapping:
                if mapping[code] != entry:
                    warnings.append(
                        f"line {lineno}: conflicting duplicate for {code}: "
                        f"{entry} (kept {mapping[code]})"
                    )
                else:
                    warnings.append(f"line {lineno}: identical duplicate for {code}")
                continue
            mapping[code] = entry
    return mapping, warnings


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a tab-separated file with a header row."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def resolve(code: str, mapping: dict[str, PloverMapping]) -> tuple[PloverMapping, str]:
    """Return the PLOVER mapping for ``code`` and how it was found.

    The second value is ``""`` for a direct hit, otherwise a short note.
    """
    if code in mapping:
        return mapping[code], ""
    root = code[:2]
    if root in MIRRORED_ROOTS:
        twin = MIRRORED_ROOTS[root] + code[2:]
        for candidate in (twin[:n] for n in range(len(twin), 1, -1)):
            if candidate in mapping:
                return mapping[candidate], f"mirrored from {candidate}"
    for n in range(len(code) - 1, 1, -1):
        parent = code[:n]
        if parent in mapping:
            return mapping[parent], f"parent {parent}"
    if root in UNMAPPED_ROOTS:
        return PloverMapping(NO_PLOVER_TYPE), "not coded in PLOVER"
    raise ValueError(f"no PLOVER mapping for CAMEO code {code}")


def build(
    codes_path: Path, labels_path: Path, plover_path: Path
) -> tuple[list[dict[str, str]], list[str]]:
    """Join the inputs into output rows; also return notes to report."""
    labels = {row["code"]: row["label"].strip() for row in read_tsv(labels_path)}
    mapping, notes = parse_plover(plover_path)
    source = read_tsv(codes_path)
    source_codes = {row["code"] for row in source}

    rows: list[dict[str, str]] = []
    for src in source:
        code = src["code"]
        label = labels.get(code, "")
        if not label:
            raise ValueError(f"no label for CAMEO code {code}")
        goldstein = float(src["goldstein"])
        if not -10.0 <= goldstein <= 10.0:
            raise ValueError(f"Goldstein {goldstein} out of range for {code}")
        quad = int(src["quad_class"])
        if quad not in (1, 2, 3, 4):
            raise ValueError(f"quad class {quad} invalid for {code}")
        plover, how = resolve(code, mapping)
        if how:
            notes.append(f"fallback {code}: {how} -> {plover.type}")
        rows.append(
            {
                "code": code,
                "label": label,
                "goldstein": f"{goldstein:.1f}",
                "quad_class": str(quad),
                "root": src["root"],
                "level": src["level_digits"],
                "plover_type": plover.type,
                "plover_mode": plover.mode,
                "plover_context": plover.context,
            }
        )

    extra_labels = sorted(set(labels) - source_codes)
    if extra_labels:
        notes.append(f"labels for unknown codes (ignored): {', '.join(extra_labels)}")
    extra_plover = sorted(set(mapping) - source_codes)
    if extra_plover:
        notes.append(f"PLOVER codes not in CAMEO list (ignored): {', '.join(extra_plover)}")
    return rows, notes


def write_tsv(rows: list[dict[str, str]], path: Path) -> None:
    """Write rows as TSV with a header, Unix newlines, in input order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=OUT_COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "codes",
        nargs="?",
        type=Path,
        default=DEFAULT_CODES,
        help="cameo_codes.tsv (default: ../shared/cameo/cameo_codes.tsv from repo root)",
    )
    parser.add_argument(
        "--plover",
        type=Path,
        help=f"CAMEO->PLOVER table (default: {PLOVER_FILENAME} next to the codes file)",
    )
    parser.add_argument("--labels", type=Path, default=DATA_DIR / "labels.tsv", help="dyad labels")
    parser.add_argument("--out", type=Path, default=DATA_DIR / "codes.tsv", help="output TSV")
    args = parser.parse_args(argv)
    plover = args.plover or args.codes.parent / PLOVER_FILENAME

    rows, notes = build(args.codes, args.labels, plover)
    write_tsv(rows, args.out)
    for note in notes:
        print(note, file=sys.stderr)
    print(f"wrote {len(rows)} codes to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
