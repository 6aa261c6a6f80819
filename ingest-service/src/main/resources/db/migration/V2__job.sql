-- Ingest jobs: one per archive received. The archive is in aqqua-uploads before the job row exists, so an
-- acknowledged upload is never lost; a job whose worker died (lease expired) is claimed again and run from the
-- start, which is safe because storing is content-addressed and registration is idempotent and all-or-nothing.
create table job (
    id                 uuid primary key,
    dataset_id         uuid        not null,
    submitter_subject  text        not null,
    policy             text        not null check (policy in ('all-or-nothing', 'accept-valid')),
    state              text        not null check (state in ('queued', 'reading', 'validating', 'storing',
                                       'registering', 'succeeded', 'failed', 'cancelled')),
    source_name        text,
    archive_bucket     text        not null,
    archive_key        text        not null,
    archive_bytes      bigint      not null,
    archive_sha256     char(64)    not null,
    created_at         timestamptz not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    attempts           integer     not null default 0,
    lease_owner        text,
    lease_until        timestamptz,
    cancel_requested   boolean     not null default false,
    bytes_read         bigint      not null default 0,
    rows_checked       bigint      not null default 0,
    rows_valid         bigint      not null default 0,
    rows_invalid       bigint      not null default 0,
    images_stored      bigint      not null default 0,
    duplicate_images   bigint      not null default 0,
    rows_registered    bigint      not null default 0,
    rows_already_held  bigint      not null default 0,
    problem_count      bigint      not null default 0,
    failure            text,
    cleaned_up         boolean     not null default false
);

create index job_dataset_idx on job (dataset_id, created_at);
create index job_submitter_idx on job (submitter_subject, created_at);
create index job_claimable_idx on job (created_at) where state not in ('succeeded', 'failed', 'cancelled');

-- The report: every problem found, in the order found, as file, line, field, value and reason.
create table job_problem (
    job_id  uuid    not null references job (id) on delete cascade,
    seq     integer not null,
    file    text,
    line    integer,
    field   text,
    value   text,
    reason  text    not null,
    primary key (job_id, seq)
);
