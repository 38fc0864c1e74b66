#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run) and as README.md documents it: ./scripts/test.sh
#
# 1. Installs with apt what the tests need, only where it is absent: Debian's chromium (driven by Playwright
#    .NET, which downloads no browser of its own), poppler-utils (pdfsig, pdftotext), fonts-dejavu-core and
#    postgresql (the server binaries; no cluster of the package is used).
# 2. Starts a throwaway PostgreSQL cluster in a temporary folder on a free port of 127.0.0.1 (as the `postgres` user
#    when run as root, which PostgreSQL requires) and exports SUMMIT_TEST_POSTGRES, its connection string: the race
#    tests run on it as well as on SQLite (see WeProtect.Summit.Tests/Support/PostgresAppFactory.cs). If it cannot
#    start, the script stops with its log: those tests must run. The cluster and its folder go when the script ends.
# 3. Restores the local tools (dotnet-ef) and runs every test project of the solution in Release.
#    Arguments are passed on to `dotnet test`, e.g. ./scripts/test.sh --filter "FullyQualifiedName~OnPostgres".
# Results (TRX) and the browser tests' screenshots go to TestResults/ at the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium poppler-utils fonts-dejavu-core postgresql)
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ command -v pdfsig >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || missing+=(poppler-utils)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
postgres_initdb() { compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1; }
[[ -n $(postgres_initdb) ]] || missing+=(postgresql)

if ((${#missing[@]} > 0)); then
  echo "test.sh: installing ${missing[*]} with apt" >&2
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "test.sh: ${missing[*]} missing, and neither root nor sudo to install them" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update
  # --no-install-recommends: chromium pulls ~480 MB of recommended packages otherwise.
  "${as_root[@]}" apt-get install -y -o DPkg::Lock::Timeout=300 --no-install-recommends "${packages[@]}"
fi

# --- A throwaway PostgreSQL for the tests -------------------------------------------------------------------------
pg_bin=$(dirname "$(postgres_initdb)")
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/summit-postgres.XXXXXX")
if [[ $(id -u) -eq 0 ]]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user (created by the Debian package).
  chown postgres "$pg_dir"
  # (from /, which the postgres user can read, unlike the checkout)
  as_postgres() { su postgres -s /bin/sh -c "cd / && $(printf '%q ' "$@")"; }
else
  as_postgres() { "$@"; }
fi
stop_postgres() {
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 30000))
  if ! port_in_use "$candidate"; then pg_port=$candidate; break; fi
done
postgres_failed() {
  echo "test.sh: PostgreSQL could not start ($1); the race tests need it. Its log:" >&2
  cat "$pg_dir/pg.log" "$pg_dir/initdb.log" 2>/dev/null >&2 || true
  exit 1
}
[[ -n $pg_port ]] || postgres_failed "no free port found"
# A disposable cluster: no fsync, UTF-8 with the C locale (byte order, the same on every machine), enough
# connections for the parallel tests (each test app has its own database and connection pool).
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || postgres_failed "initdb failed"
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -t 60 -l "$pg_dir/pg.log" \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || postgres_failed "pg_ctl start failed"
export SUMMIT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port ($pg_dir)" >&2

# Every test app would watch its appsettings files for changes: with the accessibility sweeps' own app beside the
# others, the suite ran past the default limit of 128 inotify instances per user (IOException at app start).
export DOTNET_hostBuilder__reloadConfigOnChange=false
# What still watches (static files, Razor) polls instead of taking an inotify instance each; and where this runs as
# root the limit itself is raised, when the kernel lets a container do so.
export DOTNET_USE_POLLING_FILE_WATCHER=1
if [[ $(id -u) -eq 0 ]] && (($(cat /proc/sys/fs/inotify/max_user_instances 2>/dev/null || echo 1024) < 1024)); then
  sysctl -q -w fs.inotify.max_user_instances=1024 2>/dev/null || echo "test.sh: the inotify limit stays $(cat /proc/sys/fs/inotify/max_user_instances)" >&2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore
rm -f TestResults/summit*.trx
status=0
dotnet test WeProtect.Summit.slnx -c Release \
  --results-directory TestResults \
  --logger "trx;LogFilePrefix=summit" \
  --logger "console;verbosity=normal" "$@" || status=$?

# A failure scrolls far up in a long log; name the failed tests again where the log ends.
if ((status != 0)); then
  echo "test.sh: failed tests (details in TestResults/*.trx):" >&2
  grep -ho '<UnitTestResult [^>]*outcome="Failed"[^>]*>' TestResults/summit*.trx 2>/dev/null \
    | sed -E 's/.*testName="([^"]*)".*/  FAILED \1/' >&2 || true
  # A fixture's clean-up (the log and audit-order checks of every test app) fails the run outside any one test.
  grep -ho 'Test Class Cleanup Failure ([^)]*)' TestResults/summit*.trx 2>/dev/null | sed 's/^/  /' >&2 || true
  grep -ho '<Message>[^<]*' TestResults/summit*.trx 2>/dev/null | sed 's/<Message>/  message: /' | head -c 4000 >&2 || true
fi
exit "$status"
