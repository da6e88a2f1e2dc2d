#!/bin/sh
# Creates one database per service (and web-portal's, for its browser sessions), owned by the PostgreSQL user of docker-compose.yml (egov).
# The postgres image runs this from /docker-entrypoint-initdb.d once, when its data volume is empty;
# to run it again: docker compose down -v (drops all data).
# Each service creates its own schema with Flyway on start.
set -e

for db in identity dossier payment notification portal; do
  echo "creating database $db owned by $POSTGRES_USER"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-postgres}" \
    -c "CREATE DATABASE \"$db\" OWNER \"$POSTGRES_USER\""
done
