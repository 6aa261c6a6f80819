-- The artefacts of one dataset's release, built ahead into aqqua-releases under prefix, published (served to the
-- public) in the same transaction that records the dataset's release. Rebuilt when the dataset changed after
-- the build (built_for_updated_at is the catalog's updated_at the build read).
create table artefact_set (
    dataset_id            uuid        primary key,
    prefix                text        not null,
    release_instant       timestamptz not null,
    built_for_updated_at  timestamptz not null,
    built_at              timestamptz not null,
    image_count           bigint      not null,
    files                 jsonb       not null,
    -- What the landing page shows: the attribution the files were built from (never contact data), the DOI, the
    -- citation text and the schema.org JSON-LD embedded in the page.
    attribution           jsonb       not null,
    doi                   text        not null,
    citation              text        not null,
    schema_org            text        not null,
    published_at          timestamptz,
    withdrawn_at          timestamptz,
    withdrawal_reason     text
);

-- Rehearsals: every artefact built privately as if at as_of, validated, and reported; never published.
create table rehearsal (
    id            uuid        primary key,
    as_of         timestamptz not null,
    requested_by  text        not null,
    state         text        not null check (state in ('running', 'succeeded', 'failed')),
    started_at    timestamptz not null,
    finished_at   timestamptz,
    report        jsonb
);
