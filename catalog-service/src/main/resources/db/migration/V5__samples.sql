-- Samples: what a provider calls one sample (EcoTaxa's sample_id: a net tow, a UVP profile, a bucket), as the
-- images registered under it describe it: how many, where, when and how deep. Kept up to date by the bulk
-- registration in the same transaction as the images, so a sample never counts an image that is not there.
create table sample (
    dataset_id       uuid             not null references dataset (id) on delete cascade,
    sample_id        text             not null,
    image_count      bigint           not null check (image_count > 0),
    image_bytes      bigint           not null,
    min_latitude     double precision not null,
    max_latitude     double precision not null,
    min_longitude    double precision not null,
    max_longitude    double precision not null,
    first_observed   timestamptz      not null,
    last_observed    timestamptz      not null,
    min_depth        double precision,
    max_depth        double precision,
    min_altitude     double precision,
    max_altitude     double precision,
    primary key (dataset_id, sample_id)
);

insert into sample
select dataset_id, sample_id, count(*), sum(bytes), min(latitude), max(latitude), min(longitude), max(longitude),
       min(observed_at), max(observed_at), min(depth_min), max(coalesce(depth_max, depth_min)), min(altitude),
       max(altitude)
from image
where sample_id is not null
group by dataset_id, sample_id;
