-- Runs once, when the postgres container initialises an empty data volume (docker-entrypoint-initdb.d),
-- as the superuser POSTGRES_USER, connected to the database "aqqua" that the entrypoint has just created.
--
-- Keycloak keeps its own state in a separate database, so that the AqQua schemas (catalog, ingest, release)
-- and Keycloak's tables never mix. It is owned by POSTGRES_USER, the account Keycloak connects with in
-- compose.yaml (development stack only; production Keycloak has its own database server or cluster).
--
-- To run it again, remove the volume: docker compose -f deploy/compose/compose.yaml down -v
CREATE DATABASE keycloak;
