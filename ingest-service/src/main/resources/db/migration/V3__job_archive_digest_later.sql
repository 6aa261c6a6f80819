-- An archive assembled from a resumable upload is never streamed through the service before its job starts, so
-- its SHA-256 is computed by the job as it reads the archive, and recorded then.
alter table job alter column archive_sha256 drop not null;
