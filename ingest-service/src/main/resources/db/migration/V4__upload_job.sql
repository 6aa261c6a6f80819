-- A completed upload names the job that ingests its archive; completing again answers with that job.
alter table upload add column job_id uuid;
