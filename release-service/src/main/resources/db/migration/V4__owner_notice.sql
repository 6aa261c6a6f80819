-- E-mails to dataset owners about their release: one row per dataset and kind ('upcoming' some days before the
-- instant, 'released' on release). The row is inserted before sending (on conflict do nothing), so with several
-- replicas one sends; it is deleted again if sending fails, so the next run retries.
create table owner_notice (
    dataset_id  uuid        not null,
    kind        text        not null check (kind in ('upcoming', 'released')),
    sent_at     timestamptz not null,
    primary key (dataset_id, kind)
);
