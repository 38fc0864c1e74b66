#!/usr/bin/env bash
# The production engine under load (issue 20): SQLite on one node, PostgreSQL on one and on two nodes.
#
#   bench/engine.sh                                  # the three set-ups
#   BENCH_ENGINES="postgres:2" bench/engine.sh       # one of them
#
# For each set-up: starts the published app (bench/out/publish, as bench/run.sh publishes it) in Production on
# 127.0.0.1, once or twice on one database (two nodes: Deployment:Nodes=2, shared certificates and audit key), runs
# bench/prepare.sh (administrator, sample summit 1) against the first node, then the "engine" scenario of
# bench/WeProtect.Summit.Bench: /healthz, registration by distinct users, bookings for the last seats of one
# breakout, the uncached summit page, 64 clients each (see bench/README.md). The figures go to the section
# "Production engine" of bench/RESULTS.md, which is replaced; the other sections stay.
# PostgreSQL: BENCH_POSTGRES (a connection string to a server where a database may be created), or a throwaway
# cluster started here as scripts/test.sh starts its own. Settings: BENCH_USERS (256 registrants, as many bookers),
# BENCH_SEATS (32), BENCH_ENGINE_SECONDS (8, for the GET figures), BENCH_NO_PUBLISH=1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/bench/out
publish=$out/publish
users=${BENCH_USERS:-256}
seats=${BENCH_SEATS:-32}
read -r -a engines <<<"${BENCH_ENGINES:-sqlite:1 postgres:1 postgres:2}"
mkdir -p "$out"

if [[ ${BENCH_NO_PUBLISH:-0} != 1 || ! -f $publish/WeProtect.Summit.Web.dll ]]; then
  echo "engine: publishing WeProtect.Summit.Web (Release)" >&2
  dotnet publish WeProtect.Summit.Web/WeProtect.Summit.Web.csproj -c Release -o "$publish" --nologo -v quiet >&2
fi
dotnet build bench/WeProtect.Summit.Bench -c Release --nologo -v quiet >&2
bench_dll=$(ls "$root"/bench/WeProtect.Summit.Bench/bin/Release/net*/WeProtect.Summit.Bench.dll | head -1)

work=$(mktemp -d "${TMPDIR:-/tmp}/summit-engine.XXXXXX")
pids=()
pg_stop=
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n $pg_stop ]] && $pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "engine: failed at line $LINENO" >&2' ERR

# --- PostgreSQL: the given server, or a throwaway cluster (as scripts/test.sh makes one) ----------------------------
pg_server=${BENCH_POSTGRES:-}
if [[ -z $pg_server && " ${engines[*]}" == *postgres* ]]; then
  pg_bin=$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -n 1)")
  # A folder of its own (not under $work, which the postgres user may not enter).
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/summit-engine-pg.XXXXXX")
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$pg_dir"
    as_postgres() { su postgres -s /bin/sh -c "cd / && $(printf '%q ' "$@")"; }
  else
    as_postgres() { "$@"; }
  fi
  pg_port=$((20000 + RANDOM % 30000))
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C >"$pg_dir/initdb.log" 2>&1
  # A server as production would run it (fsync on), with room for two nodes' connection pools.
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -w -t 60 -l "$pg_dir/pg.log" \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
  pg_stop="stop_postgres"
  stop_postgres() { as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
  pg_server="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi

# Two nodes share a signing certificate, a data-protection key certificate and the audit key.
pfx() {
  openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=WeProtect Summit bench $1" -days 30 \
    -keyout "$work/$1.key" -out "$work/$1.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$work/$1.key" -in "$work/$1.crt" -out "$work/$1.pfx" -passout pass:bench 2>/dev/null
}
pfx signing
pfx keys
audit_key=$(openssl rand -base64 32)

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_port=5300
free_port() { while ! port_free "$next_port"; do ((next_port++)); done; echo $((next_port++)); }
healthy() { [[ $( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -1 <&3) 2>/dev/null) == *" 200 "* ]]; }

rows=$work/rows.md
: >"$rows"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for engine in "${engines[@]}"; do
  provider=${engine%%:*}
  nodes=${engine##*:}
  label="$([[ $provider == sqlite ]] && echo SQLite || echo PostgreSQL), $nodes node$([[ $nodes == 1 ]] || echo s)"
  settings=(ASPNETCORE_ENVIRONMENT=Production AllowedHosts="127.0.0.1;localhost" Cookies__SecurePolicy=SameAsRequest
    Accounts__StaffTwoStep=Optional "Audit__Keys__bench=$audit_key")
  # Every client comes from 127.0.0.1: the per-address limits would refuse the run, not measure it.
  for action in LogIn TwoFactor Register ForgotPassword ResendConfirmation Verify Download; do
    settings+=("RateLimits__${action}__PermitLimit=1000000")
  done
  if [[ $provider == sqlite ]]; then
    ((nodes == 1)) || { echo "engine: SQLite serves one node only; skipping $engine" >&2; continue; }
    database=$work/sqlite-data/summit.db
  else
    name=summit_bench_$RANDOM$RANDOM
    # psql takes libpq's key=value words, not Npgsql's: Host=…;Port=… becomes host=… port=…
    psql "$(sed -E 's/(^|;)Host=/\1host=/I; s/(^|;)Port=/\1port=/I; s/(^|;)Username=/\1user=/I; s/(^|;)Password=/\1password=/I; s/(^|;)Database=/\1dbname=/I; s/;/ /g' <<<"$pg_server")" \
      -qc "CREATE DATABASE $name" >/dev/null
    database="${pg_server/Database=postgres/Database=$name}"
    settings+=(Database__Provider=Postgres "ConnectionStrings__Summit=$database")
  fi
  if ((nodes > 1)); then
    settings+=("Deployment__Nodes=$nodes" "Communiques__Certificate__Path=$work/signing.pfx" Communiques__Certificate__Password=bench
      "DataProtection__Certificate__Path=$work/keys.pfx" DataProtection__Certificate__Password=bench)
  fi
  urls=()
  pids=()
  for ((n = 1; n <= nodes; n++)); do
    port=$(free_port)
    base=http://127.0.0.1:$port
    folder=$work/$([[ $provider == sqlite ]] && echo sqlite-data || echo "$name-$n")
    log=$out/engine-$provider-$nodes-$n.log
    ((n == 1)) && log=$out/app.log   # bench/prepare.sh reads the set-up link from here
    (cd "$publish" && exec env "${settings[@]}" Storage__DataFolder="$folder" PublicBaseUrl="$base" \
      dotnet WeProtect.Summit.Web.dll --urls "$base") >"$log" 2>&1 &
    pids+=($!)
    for ((i = 0; ; i++)); do
      healthy "$port" && break
      kill -0 "${pids[-1]}" 2>/dev/null || { echo "engine: node $n exited; see $log" >&2; tail -50 "$log" >&2; exit 1; }
      ((i < 240)) || { echo "engine: node $n did not answer /healthz; see $log" >&2; tail -50 "$log" >&2; exit 1; }
      sleep 0.5
    done
    urls+=("$base")
  done
  echo "engine: $label up (${urls[*]})" >&2
  BENCH_PREPARE=summit BENCH_ADMIN_JAR=$work/admin.jar BENCH_DATA_FOLDER=$work/sqlite-data bash bench/prepare.sh "${urls[0]}"
  dotnet "$bench_dll" engine "$label" "$provider" "$database" "$work/admin.jar" "$users" "$seats" "${urls[@]}" | tee -a "$rows"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
  [[ $provider == sqlite ]] && rm -rf "$work/sqlite-data"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
section=$work/section.md
{
  echo "## Production engine (bench/engine.sh)"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $commit; $(nproc) CPUs, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "- Load average (1, 5, 15 min) before: $load_before; after: $load_after. The machine is shared: figures taken under"
  echo "  load are low in absolute terms; the ratio to \`/healthz\` of the same run is the figure to compare."
  echo "- Every request from 64 concurrent clients (spread over the nodes), the load generator on the same machine; app"
  echo "  published in Release, Production; PostgreSQL 15 on the same machine, fsync on."
  echo "- pretix: about 300–400 orders per minute per event (one lock per event); the ×pretix column divides the figure"
  echo "  (per minute) by 400."
  echo
  echo "| Set-up | What | Figure | Ratio to /healthz | × pretix | Answers |"
  echo "|---|---|---:|---:|---:|---|"
  cat "$rows"
  echo
  echo "Registration: each of $users users, logged in beforehand, posts the summit's registration form once (the answer"
  echo "is the redirect to their registration); the database is checked to hold exactly one more registration per"
  echo "answer. Bookings: $users approved delegates post the booking form of one breakout of $seats seats once each (the"
  echo "first $seats confirmed, the rest on its waiting list; every booking takes the breakout's row lock); the database is"
  echo "checked to hold exactly $seats confirmed seats. SQLite serves one node only (Deployment:Nodes refuses it)."
} >"$section"
# Replace the section in RESULTS.md (or append it), leaving the others as they are.
python3 "$root/bench/section.py" "$root/bench/RESULTS.md" "## Production engine (bench/engine.sh)" "$section"
echo "engine: wrote the section to bench/RESULTS.md" >&2
cat "$section"
