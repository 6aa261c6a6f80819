-- Datasets: one per row of a sharing form. Status follows ingest (receiving, ready) and release (released,
-- withdrawn); embargo_until is the instant before which nothing of the dataset may be public.
create table dataset (
    id                uuid primary key,
    title             text        not null,
    comment           text,
    instrument        text        not null,
    owner_subject     text        not null,
    status            text        not null default 'draft'
                      check (status in ('draft', 'receiving', 'ready', 'released', 'withdrawn')),
    status_reason     text,
    embargo_until     timestamptz not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create index dataset_owner_idx on dataset (owner_subject);
create index dataset_due_idx on dataset (status, embargo_until);
