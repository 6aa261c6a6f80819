-- First pages of searches by time, found the way a box's are (V4): by cells, each cell's images walked in id
-- order in an index, a page of matches at most from each. A time range's cells are calendar months.
--
-- V4 collected the ids of every match of a range from an index on the instant (up to 20,000) and otherwise
-- walked the instrument's images in id order, reading each row for its instant until a page matched. Images of
-- a time come in runs (datasets), so that walk could cross every image of the other years first: at 10 million
-- rows one instrument's year took 12 ms at the median with 8 clients, and it grows with the catalog.
--
-- observed_month: whole months since January 1970, UTC (ObservedMonths computes the same in the catalog).
alter table image
    add column observed_month integer generated always as
        ((extract(year from observed_at at time zone 'UTC')::integer - 1970) * 12
         + extract(month from observed_at at time zone 'UTC')::integer - 1) stored;
-- The instant is included so that a month at the edge of a range is filtered on the index alone.
create index image_instrument_month_idx on image (instrument, observed_month, id) include (observed_at);
create index image_month_idx on image (observed_month, id) include (observed_at);
-- Replaced by the two above: every time condition comes with its months (ImageQuery), so counts and exports by
-- time use them too.
drop index image_instrument_observed_idx;
drop index image_observed_idx;
