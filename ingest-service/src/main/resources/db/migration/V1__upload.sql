-- Resumable archive uploads: one S3 multipart upload into aqqua-uploads each. Part ETags are read back from S3
-- (ListParts), so a client that lost its connection learns what arrived and resumes from there.
create table upload (
    id              uuid primary key,
    dataset_id      uuid        not null,
    owner_subject   text        not null,
    file_name       text        not null,
    size_bytes      bigint      not null check (size_bytes > 0),
    part_size       bigint      not null check (part_size > 0),
    part_count      integer     not null check (part_count between 1 and 10000),
    bucket          text        not null,
    object_key      text        not null,
    s3_upload_id    text        not null,
    state           text        not null check (state in ('open', 'completed', 'aborted')),
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index upload_dataset_idx on upload (dataset_id);
create index upload_open_idx on upload (state, created_at);

-- Parts the client has sent, with the ETag S3 answered for each; the client reports them after each PUT.
-- CompleteMultipartUpload checks every ETag against what S3 holds, so a wrong report fails there, not silently.
create table upload_part (
    upload_id    uuid        not null references upload (id) on delete cascade,
    part_number  integer     not null check (part_number between 1 and 10000),
    etag         text        not null,
    recorded_at  timestamptz not null,
    primary key (upload_id, part_number)
);
