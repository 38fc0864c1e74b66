#!/usr/bin/env bash
# Until the first release nothing has shipped, so each provider keeps one "Initial" migration: this script drops
# it and writes it again from the current model (SQLite, SQL Server and PostgreSQL). After a release, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer Postgres; do
  project=migrations/WeProtect.Summit.Migrations.$provider
  rm -f "$project"/Migrations/*.cs
  dotnet ef migrations add Initial --project "$project" --startup-project "$project" --output-dir Migrations
done
