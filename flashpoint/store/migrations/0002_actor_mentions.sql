-- Every actor mention resolved by the actors stage, with how it was resolved.
CREATE TABLE actor_mentions (
    article_id             VARCHAR NOT NULL,
    sentence_index         INTEGER NOT NULL,
    char_start             INTEGER NOT NULL,
    char_end               INTEGER NOT NULL,
    text                   VARCHAR NOT NULL,
    country                VARCHAR,
    sector                 VARCHAR,
    name                   VARCHAR,
    kb_id                  VARCHAR,
    mention_kind           VARCHAR NOT NULL,
    confidence             DOUBLE NOT NULL,
    resolved_by            VARCHAR NOT NULL,
    antecedent_text        VARCHAR,
    antecedent_char_start  INTEGER,
    antecedent_char_end    INTEGER,
    PRIMARY KEY (article_id, char_start, char_end)
);
