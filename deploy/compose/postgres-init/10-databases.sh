#!/bin/sh
# First start of the PostgreSQL volume only: one role and database for the app, one role for Temporal
# (temporal-schema creates its `temporal` and `temporal_visibility` databases).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_pw="$APP_DB_PASSWORD" -v temporal_pw="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE opendecision LOGIN PASSWORD :'app_pw';
CREATE DATABASE opendecision OWNER opendecision;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_pw';
SQL
