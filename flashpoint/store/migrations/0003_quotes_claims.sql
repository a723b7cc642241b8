-- Quotes with their speakers and numeric claims with their sources (flashpoint_quotes,
-- flashpoint_claims). The embedded Actor of DESIGN.md is flattened into prefixed columns.
CREATE TABLE quotes (
    article_id         VARCHAR NOT NULL,
    quote_id           VARCHAR NOT NULL,
    sentence_index     INTEGER NOT NULL,
    char_start         INTEGER NOT NULL,
    char_end           INTEGER NOT NULL,
    content            VARCHAR NOT NULL,
    kind               VARCHAR NOT NULL,  -- direct | indirect | mixed
    cue                VARCHAR,
    speaker_text       VARCHAR,           -- NULL: speaker unknown
    speaker_country    VARCHAR,
    speaker_sector     VARCHAR,
    speaker_name       VARCHAR,
    speaker_kb_id      VARCHAR,
    speaker_char_start INTEGER,
    speaker_char_end   INTEGER,
    confidence         DOUBLE NOT NULL,
    PRIMARY KEY (article_id, quote_id)
);

CREATE TABLE claims (
    article_id               VARCHAR NOT NULL,
    claim_id                 VARCHAR NOT NULL,
    sentence_index           INTEGER NOT NULL,
    char_start               INTEGER NOT NULL,
    char_end                 INTEGER NOT NULL,
    subject                  VARCHAR NOT NULL,  -- troops, dead, refugees, money, …
    value_low                DOUBLE,            -- NULL: no lower bound ("up to 40")
    value_high               DOUBLE,            -- NULL: no upper bound ("more than 40")
    qualifier                VARCHAR,           -- more than, at least, about, between, dozens, …
    unit                     VARCHAR NOT NULL,  -- count, percent, or an ISO 4217 currency
    attributed_to_text       VARCHAR,           -- NULL: asserted by the article itself
    attributed_to_country    VARCHAR,
    attributed_to_sector     VARCHAR,
    attributed_to_name       VARCHAR,
    attributed_to_kb_id      VARCHAR,
    attributed_to_char_start INTEGER,
    attributed_to_char_end   INTEGER,
    as_of                    DATE,
    PRIMARY KEY (article_id, claim_id)
);
