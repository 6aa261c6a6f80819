-- Images are stored once per SHA-256 across all datasets (ingest-service's aqqua-images bucket). Before ingest
-- deletes an object its failed job wrote, it asks whether any dataset references that content: this index
-- answers that without scanning every dataset's rows.
create index image_sha256_idx on image (sha256);
