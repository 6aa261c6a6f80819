-- Data owners: the person who fills a sharing form. Contact details are personal data: only the owner and
-- curators see them; an erasure request clears them (email null, erased_at set) and keeps the name for credit.
create table data_owner (
    id            uuid primary key,
    subject       text        not null unique,
    given_name    text        not null,
    surname       text        not null,
    email         text,
    institute     text        not null,
    orcid         text        check (orcid ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'),
    mailing_list  boolean     not null default false,
    erased_at     timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

-- One filled AqQua Data Sharing Form. The three mandatory permissions are stored although they must all be
-- true (the API refuses the form otherwise), so that the agreement records what was agreed, not what we assume.
create table sharing_agreement (
    id                          uuid primary key,
    owner_id                    uuid        not null references data_owner (id),
    permits_model_development   boolean     not null check (permits_model_development),
    permits_public_release      boolean     not null check (permits_public_release),
    permits_model_release       boolean     not null check (permits_model_release),
    further_uses                jsonb       not null default '[]',
    coauthorship                jsonb       not null default '[]',
    interim_licence_spdx        text,
    interim_licence_other       text,
    acknowledgements            text,
    funding                     text,
    papers_to_cite              jsonb       not null default '[]',
    copyright                   text,
    contributors                jsonb       not null default '[]',
    created_at                  timestamptz not null,
    updated_at                  timestamptz not null,
    check ((interim_licence_spdx is null) <> (interim_licence_other is null))
);
create index sharing_agreement_owner_idx on sharing_agreement (owner_id);

-- Datasets belong to an agreement from now on; the ones written before (none in production) keep null.
alter table dataset
    add column agreement_id          uuid references sharing_agreement (id),
    add column instrument_name       text,
    add column default_pixel_size_um double precision check (default_pixel_size_um > 0),
    add column sample_unit           text,
    add column sampled_volume        text,
    add column culture               boolean not null default false,
    add column ecotaxa_project_id    integer,
    add column image_count           bigint  not null default 0,
    add column image_bytes           bigint  not null default 0;
create index dataset_agreement_idx on dataset (agreement_id);

-- One row per image. id is the stable order of keyset pagination. The same image (SHA-256) and the same
-- provider object id are registered once per dataset; registration is idempotent on both.
create table image (
    id             bigint generated always as identity primary key,
    dataset_id     uuid             not null references dataset (id),
    object_id      text             not null,
    sha256         char(64)         not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key    text             not null,
    bytes          bigint           not null check (bytes > 0),
    width          integer          not null check (width > 0),
    height         integer          not null check (height > 0),
    format         text             not null,
    pixel_size_um  double precision not null check (pixel_size_um > 0),
    latitude       double precision not null check (latitude between -90 and 90),
    longitude      double precision not null check (longitude between -180 and 180),
    depth_min      double precision check (depth_min >= 0),
    depth_max      double precision check (depth_max >= 0),
    altitude       double precision,
    observed_at    timestamptz      not null,
    instrument     text             not null,
    sample_id      text,
    label          text,
    label_status   text             check (label_status in ('predicted', 'validated', 'dubious')),
    traits         jsonb,
    raw            jsonb,
    check (depth_min is not null or altitude is not null),
    check (depth_max is null or depth_min is null or depth_max >= depth_min),
    unique (dataset_id, object_id),
    unique (dataset_id, sha256)
);
create index image_dataset_idx on image (dataset_id, id);
create index image_instrument_idx on image (instrument, id);
create index image_label_idx on image (label, id);
create index image_observed_idx on image (observed_at, id);
create index image_position_idx on image (latitude, longitude);
