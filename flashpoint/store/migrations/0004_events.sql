-- Coded events (flashpoint_events) and their actors. An event has one row in `events`;
-- each of its sources and targets (several when coordinated or reciprocal) one row in
-- `event_actors`. Location and cluster columns are filled by later stages.
CREATE TABLE events (
    article_id         VARCHAR NOT NULL,
    event_id           VARCHAR NOT NULL,
    sentence_index     INTEGER NOT NULL,
    char_start         INTEGER NOT NULL,  -- the trigger's span
    char_end           INTEGER NOT NULL,
    sentence           VARCHAR NOT NULL,
    event_type         VARCHAR NOT NULL,  -- PLOVER v2: AGREE … ASSAULT
    mode               VARCHAR,
    context            VARCHAR,
    cameo_code         VARCHAR NOT NULL,
    cameo_root         VARCHAR NOT NULL,
    quad_class         TINYINT NOT NULL,  -- GDELT: 1 verbal coop … 4 material conflict
    goldstein          DOUBLE NOT NULL,
    event_date         DATE,
    date_precision     VARCHAR,           -- day | week | month | year
    location_name      VARCHAR,
    location_country   VARCHAR,
    location_admin1    VARCHAR,
    location_lat       DOUBLE,
    location_lon       DOUBLE,
    location_geonameid BIGINT,
    modality           VARCHAR NOT NULL,  -- asserted | negated | future | hypothetical | reported
    confidence         DOUBLE NOT NULL,
    pattern            VARCHAR NOT NULL,  -- the lexicon entry (and frame) that coded it
    coder_version      VARCHAR NOT NULL,
    cluster_id         VARCHAR,
    PRIMARY KEY (article_id, event_id)
);

CREATE TABLE event_actors (
    article_id VARCHAR NOT NULL,
    event_id   VARCHAR NOT NULL,
    role       VARCHAR NOT NULL CHECK (role IN ('source', 'target')),
    text       VARCHAR NOT NULL,
    country    VARCHAR,
    sector     VARCHAR,
    name       VARCHAR,
    kb_id      VARCHAR,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    PRIMARY KEY (article_id, event_id, role, char_start, char_end)
);

CREATE INDEX events_date ON events (event_date);
CREATE INDEX event_actors_country ON event_actors (country, role);
