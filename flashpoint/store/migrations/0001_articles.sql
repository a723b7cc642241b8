-- Articles, their sentences and named entities, and what could not be read.
CREATE TABLE articles (
    article_id   VARCHAR PRIMARY KEY,
    url          VARCHAR,
    outlet       VARCHAR,
    title        VARCHAR,
    published    DATE,
    lang         VARCHAR,
    text         VARCHAR NOT NULL,
    source_path  VARCHAR,
    ingested_at  TIMESTAMP NOT NULL,
    duplicate_of VARCHAR
);

CREATE TABLE sentences (
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    char_start     INTEGER NOT NULL,
    char_end       INTEGER NOT NULL,
    PRIMARY KEY (article_id, sentence_index)
);

CREATE TABLE entities (
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    char_start     INTEGER NOT NULL,
    char_end       INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL,
    PRIMARY KEY (article_id, char_start, char_end, label)
);

-- MinHash signatures in ingestion order: a restarted run rebuilds its LSH index from here.
CREATE TABLE minhashes (
    seq        BIGINT PRIMARY KEY,
    article_id VARCHAR NOT NULL UNIQUE,
    signature  BLOB NOT NULL
);

CREATE TABLE ingest_errors (
    source_path VARCHAR NOT NULL,
    position    VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    severity    VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (source_path, position, reason)
);
