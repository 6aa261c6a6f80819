-- One row per dataset the scheduler has decided to release: the claim that makes the release exactly-once
-- across replicas. A row is inserted (insert ... on conflict do nothing) when the dataset is due; a replica
-- works on it only while holding its row lock (select ... for update skip locked), in the transaction that
-- also records the outcome, so a replica that dies mid-attempt leaves the row pending for the next one.
-- pending -> released is the only state change; a dataset the catalog refuses to release is deleted again
-- and comes back when it is due.
create table dataset_release (
    dataset_id       uuid        primary key,
    state            text        not null default 'pending' check (state in ('pending', 'released')),
    -- The embargo the release was decided on: the catalog refuses the change if it was postponed since.
    embargo_until    timestamptz not null,
    attempts         integer     not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz not null,
    last_error       text,
    claimed_by       text,
    claimed_at       timestamptz,
    released_by      text,
    released_at      timestamptz,
    created_at       timestamptz not null,
    check ((state = 'released') = (released_at is not null))
);

create index dataset_release_pending_idx on dataset_release (next_attempt_at, dataset_id) where state = 'pending';
