#!/bin/sh
# Creates (if missing) and migrates Temporal's persistence and visibility schemas. Idempotent: safe on
# every `docker compose up`, and the way to apply schema updates after raising the server version.
set -eu
tool() { temporal-sql-tool --plugin postgres12 --ep postgres -p 5432 -u temporal "$@"; }
schema=/etc/temporal/schema/postgresql/v12
for db in temporal temporal_visibility; do
  tool --db "$db" create || true   # fails when it exists
done
tool --db temporal setup-schema -v 0.0 2>/dev/null || true   # no-op once versioned
tool --db temporal update-schema -d "$schema/temporal/versioned"
tool --db temporal_visibility setup-schema -v 0.0 2>/dev/null || true
tool --db temporal_visibility update-schema -d "$schema/visibility/versioned"
echo "temporal schemas up to date"
