-- Registrations whose lines arrive in several requests: a job with more images than one request may carry
-- (quarkus.http.limits.max-body-size). Each has a load table of its own, image_staging_<id, hex without dashes>,
-- unlogged (its lines are worth nothing after a crash: the job sends them again), created with its row here and
-- dropped with it on commit or abort. Registrations untouched for a day are swept away (StagedRegistrations).
create table image_registration (
    id           uuid        primary key,
    dataset_id   uuid        not null references dataset (id),
    staged_lines bigint      not null default 0,
    started_at   timestamptz not null,
    touched_at   timestamptz not null
);

create index image_registration_touched_idx on image_registration (touched_at);
