-- Every action of the release service and of curators on it: who or what, when, which dataset, the outcome.
-- Append-only: rows are never updated or deleted.
create table audit_entry (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    dataset_id  uuid,
    outcome     text        not null check (outcome in ('succeeded', 'refused', 'failed')),
    detail      text
);

create index audit_entry_dataset_idx on audit_entry (dataset_id, at);
create index audit_entry_at_idx on audit_entry (at desc, id desc);
