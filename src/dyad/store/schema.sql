-- dyad event store, schema version 3 (DuckDB).
-- One row per coded record; documents are keyed by the SHA-256 of their text (doc_key), so
-- the same article ingested twice is stored once. Every other table refers to doc_key.
-- Offsets are character offsets into documents.text. This file is the whole current schema;
-- store/migrations.py brings older files up to it. Columns added after version 1 come last in
-- their table (marked "v2"), so a migrated file and a new one have the same column order.

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    doc_key VARCHAR PRIMARY KEY,      -- sha256 hex of the text
    id VARCHAR,                       -- the input's id (file name, JSONL/CSV id)
    url VARCHAR,
    source VARCHAR,                   -- outlet ("wikinews", "Reuters", domain of the url)
    title VARCHAR,
    date DATE,                        -- document date
    text VARCHAR,
    meta JSON,                        -- other input fields
    origin VARCHAR,                   -- file:line it came from
    ingested_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS events (
    doc_key VARCHAR NOT NULL,
    n INTEGER NOT NULL,               -- position in the document's events[]
    source_code VARCHAR, source_name VARCHAR, source_actor VARCHAR,
    target_code VARCHAR, target_name VARCHAR, target_actor VARCHAR,
    code VARCHAR NOT NULL, root VARCHAR NOT NULL, label VARCHAR,
    goldstein DOUBLE, quad_class INTEGER,
    plover VARCHAR, plover_mode VARCHAR,
    modality VARCHAR,
    attributed_code VARCHAR, attributed_name VARCHAR,
    sentence INTEGER, sentence_text VARCHAR,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    rule VARCHAR,
    date DATE, date_precision VARCHAR, date_phrase VARCHAR,
    place_id VARCHAR, place_name VARCHAR, place_country VARCHAR, place_admin1 VARCHAR,
    lat DOUBLE, lon DOUBLE,
    group_id BIGINT,                  -- events_groups.group_id once grouped across articles
    -- v2: the offsets and ids v1 dropped, so a stored document reads back whole
    source_start INTEGER, source_end INTEGER, target_start INTEGER, target_end INTEGER,
    attributed_actor VARCHAR, attributed_start INTEGER, attributed_end INTEGER,
    date_phrase_start INTEGER, date_phrase_end INTEGER,
    place_start INTEGER, place_end INTEGER,
    -- v3: dated well before its document ("the 2014 annexation"); series and alerts skip it
    background BOOLEAN,
    PRIMARY KEY (doc_key, n)
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_key VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    start INTEGER, "end" INTEGER, text VARCHAR, kind VARCHAR,
    cue_text VARCHAR,
    speaker_code VARCHAR, speaker_name VARCHAR, speaker_actor VARCHAR,
    addressee_code VARCHAR, addressee_name VARCHAR,
    -- v2
    cue_start INTEGER, cue_end INTEGER, speaker_start INTEGER, speaker_end INTEGER,
    addressee_actor VARCHAR, addressee_start INTEGER, addressee_end INTEGER,
    PRIMARY KEY (doc_key, n)
);

CREATE TABLE IF NOT EXISTS actors (
    doc_key VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR, code VARCHAR, country VARCHAR,
    sectors VARCHAR[], role VARCHAR, kind VARCHAR, aliases VARCHAR[],
    n INTEGER,                        -- v2: position in the document's actors[]
    PRIMARY KEY (doc_key, id)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_key VARCHAR NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text VARCHAR, actor VARCHAR, sentence INTEGER, how VARCHAR,
    PRIMARY KEY (doc_key, start, "end")
);

-- Events reported by several articles, grouped: same dyad, same root, dates within a window,
-- compatible places (GDELT's NumMentions / NumArticles / NumSources).
CREATE TABLE IF NOT EXISTS event_groups (
    group_id BIGINT PRIMARY KEY,
    date DATE,                        -- earliest event date of the group
    source_code VARCHAR, target_code VARCHAR,
    code VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    place_country VARCHAR, lat DOUBLE, lon DOUBLE,
    num_mentions INTEGER, num_documents INTEGER, num_sources INTEGER
);
