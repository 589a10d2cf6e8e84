"""Schema migrations: ``MIGRATIONS[i]`` brings a file from version ``i + 1`` to ``i + 2``.

Only ``ALTER`` steps live here; new tables come from ``schema.sql`` itself (every statement there
is ``CREATE ... IF NOT EXISTS``). Add a step at the end, never edit one that shipped, and append
the same columns at the end of their table in ``schema.sql``.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1 -> 2: the offsets and ids version 1 dropped, so a stored document reads back whole.
    """
    ALTER TABLE events ADD COLUMN source_start INTEGER;
    ALTER TABLE events ADD COLUMN source_end INTEGER;
    ALTER TABLE events ADD COLUMN target_start INTEGER;
    ALTER TABLE events ADD COLUMN target_end INTEGER;
    ALTER TABLE events ADD COLUMN attributed_actor VARCHAR;
    ALTER TABLE events ADD COLUMN attributed_start INTEGER;
    ALTER TABLE events ADD COLUMN attributed_end INTEGER;
    ALTER TABLE events ADD COLUMN date_phrase_start INTEGER;
    ALTER TABLE events ADD COLUMN date_phrase_end INTEGER;
    ALTER TABLE events ADD COLUMN place_start INTEGER;
    ALTER TABLE events ADD COLUMN place_end INTEGER;
    ALTER TABLE quotes ADD COLUMN cue_start INTEGER;
    ALTER TABLE quotes ADD COLUMN cue_end INTEGER;
    ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
    ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
    ALTER TABLE quotes ADD COLUMN addressee_actor VARCHAR;
    ALTER TABLE quotes ADD COLUMN addressee_start INTEGER;
    ALTER TABLE quotes ADD COLUMN addressee_end INTEGER;
    ALTER TABLE actors ADD COLUMN n INTEGER;
    """,
    # 2 -> 3: events the article recalls from well before its date. Rows written before are
    # unknown (NULL), which the analyses read as news, as they did then.
    """
    ALTER TABLE events ADD COLUMN background BOOLEAN;
    """,
]
