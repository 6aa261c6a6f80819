-- A job reads its data from one of three sources: an archive staged in aqqua-uploads (a direct or resumable
-- upload), a prefix of a landing bucket (data that arrived by Globus, FTP or rclone; only ever read), or an EcoTaxa
-- project exported through EcoTaxa's API when the job runs. The archive's location becomes the source's location;
-- archive_bytes and archive_sha256 stay what the job read (known for a landing prefix or a pull once it ran).
alter table job add column source_kind text not null default 'archive'
    check (source_kind in ('archive', 'landing', 'ecotaxa'));
alter table job rename column archive_bucket to source_bucket;
alter table job rename column archive_key to source_key;
alter table job alter column source_bucket drop not null;
alter table job alter column source_key drop not null;
alter table job add column ecotaxa_project_id bigint;
alter table job add constraint job_source_located check (
    source_kind in ('archive', 'landing') and source_bucket is not null and source_key is not null
    or source_kind = 'ecotaxa' and ecotaxa_project_id is not null);
