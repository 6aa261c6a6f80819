-- First pages of searches by area and by instrument and time. Pages are in id order, and a box or a time range
-- has no index that yields rows in id order: the search collects the ids of every match from a covering index
-- (an index-only scan, no table rows read), keeps the first page of ids, and only then reads those rows.
--
-- cell: the 1° × 1° grid cell of the position, row by latitude (floor(latitude) + 90, 0..180) and column by
-- longitude (floor(longitude) + 180, 0..360; 361 columns so that longitude 180 has its own). A box is the list of
-- cells it touches plus the exact bounds; the catalog computes the cells the same way (ImageQuery.cells).
alter table image
    add column cell integer generated always as
        ((floor(latitude)::integer + 90) * 361 + floor(longitude)::integer + 180) stored;
create index image_cell_idx on image (cell, id) include (latitude, longitude);
-- Instrument and time range: the matches of one instrument within the range, with their ids.
create index image_instrument_observed_idx on image (instrument, observed_at, id);
-- Replaced by image_cell_idx: a latitude band over the whole globe matched far more rows than a box.
drop index image_position_idx;
