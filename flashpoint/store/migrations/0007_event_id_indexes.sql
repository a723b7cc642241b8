-- Reading one event by its id (the API's /events/{id}, the dashboard's event view) and its
-- actors: without these, each lookup scans every event and every actor row.
CREATE INDEX events_event_id ON events (event_id);
CREATE INDEX event_actors_event_id ON event_actors (event_id);
