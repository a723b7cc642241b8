-- Story clusters (flashpoint.cluster): one row per real-world event reported by one or more
-- articles. Events point to theirs through events.cluster_id; the descriptive columns are
-- those of the representative event, the counts are recomputed whenever a cluster grows.
CREATE TABLE clusters (
    cluster_id                VARCHAR PRIMARY KEY,  -- hash of the cluster's first event
    representative_article_id VARCHAR NOT NULL,
    representative_event_id   VARCHAR NOT NULL,
    event_type                VARCHAR NOT NULL,
    quad_class                TINYINT NOT NULL,
    source_country            VARCHAR,
    target_country            VARCHAR,
    event_date                DATE,
    num_mentions              INTEGER NOT NULL,     -- events
    num_articles              INTEGER NOT NULL,     -- distinct articles (near-duplicates too)
    num_sources               INTEGER NOT NULL,     -- distinct outlets
    first_seen                DATE,                 -- earliest article published date
    last_seen                 DATE
);

CREATE INDEX clusters_date ON clusters (event_date);
