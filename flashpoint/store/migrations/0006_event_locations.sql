-- Where each event happened (flashpoint_geo): how precise the location is and how sure the
-- rule that chose it is. Existing rows keep NULL (not located) until re-coded.
ALTER TABLE events ADD COLUMN location_precision VARCHAR;  -- point | admin1 | country
ALTER TABLE events ADD COLUMN location_confidence DOUBLE;

CREATE INDEX events_location_country ON events (location_country);
