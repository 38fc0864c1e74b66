#!/usr/bin/env bash
# HTTP throughput of the published app, each page measured against the bare /healthz endpoint.
#
#   bench/run.sh                       # measures the default paths: /healthz /
#   bench/run.sh / /Summits/Details/1  # /healthz is always measured first, as the baseline
#   BENCH_PATHS="/ /Summits" bench/run.sh
#   bench/run.sh /Registration/Manage/CheckIn/1@checkin   # "@name": POST with bench/out/name.lua (see README)
#
# Publishes WeProtect.Summit.Web (Release) to bench/out/publish, starts it in Production on 127.0.0.1 with a fresh
# temporary data folder (so a new SQLite database), waits for /healthz, runs bench/prepare.sh <base-url> if it
# exists (to create the data a page needs), warms each path up, then runs wrk on it and writes its section of bench/RESULTS.md.
# Settings: BENCH_PORT (default: first free port from 5180), BENCH_THREADS (2), BENCH_CONNECTIONS (32),
# BENCH_DURATION (15s), BENCH_WARMUP (3s), BENCH_NO_PUBLISH=1 to reuse the last publish.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-32}
duration=${BENCH_DURATION:-15s}
warmup=${BENCH_WARMUP:-3s}
if (($# > 0)); then read -r -a requested <<<"$*"; else read -r -a requested <<<"${BENCH_PATHS:-/ /Summits/Details/1 /Summits/Details/1?uncached /Organisations /Organisations?uncached /Registration/Manage/CheckIn/1@checkin /Registration/Register/1@register /Breakouts/Agenda/1 /Breakouts/Agenda/1?uncached /Breakouts/Bookings/Book/1@book /Profile/Index@profile}"; fi
paths=(/healthz)
for p in "${requested[@]}"; do [[ $p == /healthz ]] || paths+=("$p"); done

command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }

out=$root/bench/out
publish=$out/publish
mkdir -p "$out"
if [[ ${BENCH_NO_PUBLISH:-0} != 1 || ! -f $publish/WeProtect.Summit.Web.dll ]]; then
  echo "bench: publishing WeProtect.Summit.Web (Release)" >&2
  dotnet publish WeProtect.Summit.Web/WeProtect.Summit.Web.csproj -c Release -o "$publish" --nologo -v quiet >&2
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=${BENCH_PORT:-}
if [[ -z $port ]]; then
  for ((port = 5180; port < 5280; port++)); do port_free "$port" && break; done
fi
base=http://127.0.0.1:$port

data=$(mktemp -d "${TMPDIR:-/tmp}/summit-bench.XXXXXX")
app_pid=
cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

echo "bench: starting the app on $base (data folder $data)" >&2
# Run from the publish folder: it is the content root (wwwroot) in Production.
# Production requires PublicBaseUrl and AllowedHosts; wrk and curl talk plain HTTP on the loopback, hence
# SameAsRequest cookies (Secure cookies would not be sent back over HTTP by curl). Staff two-step is Optional: the
# administrator prepare.sh makes has no authenticator, and Production would withhold its roles without one.
(cd "$publish" && ASPNETCORE_ENVIRONMENT=Production Storage__DataFolder=$data PublicBaseUrl=$base \
  AllowedHosts="127.0.0.1;localhost" Cookies__SecurePolicy=SameAsRequest Accounts__StaffTwoStep=Optional \
  exec dotnet WeProtect.Summit.Web.dll --urls "$base") >"$out/app.log" 2>&1 &
app_pid=$!

# The status line of a plain GET, through bash's /dev/tcp (no curl needed).
status_of() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3 && head -1 <&3) 2>/dev/null | tr -d '\r' || true
}
# Wait (up to 60 s) until /healthz answers 200.
for ((i = 0; ; i++)); do
  [[ $(status_of /healthz) == *" 200 "* ]] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "bench: the app exited; see $out/app.log" >&2; cat "$out/app.log" >&2; exit 1; }
  ((i < 120)) || { echo "bench: /healthz did not answer 200 within 60 s; see $out/app.log" >&2; exit 1; }
  sleep 0.5
done

# Hook: bench/prepare.sh <base-url> creates whatever data the measured pages need (e.g. a summit for
# /Summits/Details/1). It runs against the fresh app, before any measurement. BENCH_DATA_FOLDER is exported.
prepare() {
  if [[ -f $root/bench/prepare.sh ]]; then
    echo "bench: running bench/prepare.sh $base" >&2
    BENCH_DATA_FOLDER=$data bash "$root/bench/prepare.sh" "$base"
  fi
}
prepare

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
# Figures of one wrk run: requests/s, average latency, p50, p99, requests, non-2xx/3xx, socket errors.
declare -A rps avg p50 p99 total non2xx errors
skipped=()
measured=()
for p in "${paths[@]}"; do
  # "/path?uncached": every request gets a query string of its own (bench/uncached.lua), so no output cache helps.
  url=${p%\?uncached}
  script=()
  [[ $url != "$p" ]] && script=(-s "$root/bench/uncached.lua")
  if [[ $p == *@* ]]; then
    # "/path@name": a POST described by bench/out/name.lua, which bench/prepare.sh writes (cookies, token, body).
    url=${p%@*}
    lua=$out/${p##*@}.lua
    if [[ ! -f $lua ]]; then
      echo "bench: skipping $p: bench/prepare.sh wrote no $lua (see its output)" >&2
      skipped+=("$p")
      continue
    fi
    script=(-s "$lua")
  else
    status=$(status_of "$url")
    [[ $status == *" 200 "* ]] || echo "bench: warning: $url answers '$status', not 200" >&2
  fi
  echo "bench: warming up $p ($warmup)" >&2
  wrk -t"$threads" -c"$connections" -d"$warmup" "${script[@]}" "$base$url" >/dev/null
  echo "bench: measuring $p ($duration, $threads threads, $connections connections)" >&2
  result=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "${script[@]}" "$base$url")
  printf '%s\n' "$result" >"$out/wrk$(tr -c 'A-Za-z0-9\n' '_' <<<"$p").txt"
  rps[$p]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$result")
  avg[$p]=$(awk '$1 == "Latency" && NF >= 5 {print $2; exit}' <<<"$result")
  p50[$p]=$(awk '$1 == "50%" {print $2}' <<<"$result")
  p99[$p]=$(awk '$1 == "99%" {print $2}' <<<"$result")
  total[$p]=$(awk '/requests in/ {print $1}' <<<"$result")
  non2xx[$p]=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' <<<"$result")
  non2xx[$p]=${non2xx[$p]:-0}
  errors[$p]=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$result")
  errors[$p]=${errors[$p]:-0}
  measured+=("$p")
  echo "bench: $p ${rps[$p]} req/s, avg ${avg[$p]}, p99 ${p99[$p]}, non-2xx/3xx ${non2xx[$p]}, socket errors ${errors[$p]}" >&2
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo unknown)
section=$out/section-pages.md
{
  echo "## Pages (bench/run.sh)"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(nproc) CPUs, ${cpu:-unknown}; $(uname -sr); load average before measuring: $load_before"
  echo "- Commit: $commit$dirty"
  echo "- .NET: $(dotnet --version); app published in Release, ASPNETCORE_ENVIRONMENT=Production, SQLite in a fresh data folder"
  echo "- Load: \`wrk -t$threads -c$connections -d$duration --latency\` per path, after a $warmup warm-up; wrk and the app share the machine"
  echo
  echo "| Path | Requests/s | Ratio to /healthz | Avg latency | p50 | p99 | Requests | Non-2xx/3xx | Socket errors |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for p in "${measured[@]}"; do
    ratio=$(awk -v a="${rps[$p]}" -v b="${rps[/healthz]}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }')
    echo "| \`$p\` | ${rps[$p]} | $ratio | ${avg[$p]} | ${p50[$p]} | ${p99[$p]} | ${total[$p]} | ${non2xx[$p]} | ${errors[$p]} |"
  done
  echo
  echo "\`/healthz\` is the bare endpoint (a minimal API returning \"ok\"): the ratio says what share of the framework's"
  echo "own throughput a page keeps once it renders Razor and reads the database."
  echo
  echo "Public pages are served to anonymous visitors from the output cache (evicted when a summit or organisation"
  echo "changes, expiring after 60 s): that is what the plain rows measure. A row ending in \`?uncached\` gives every"
  echo "request a query string of its own, so the page is rendered and the database read each time: the cost of a"
  echo "cache miss, and of every page a signed-in user sees."
  echo
  echo "A row ending in \`@checkin\`, \`@register\` or \`@book\` is a POST (bench/out/<name>.lua, written by bench/prepare.sh):"
  echo "\`@checkin\` is the organiser's check-in desk posting a badge code as htmx does (the result partial comes back; after"
  echo "the first request the delegate is \"already checked in\"); \`@register\` is a delegate posting the summit registration"
  echo "form (after the first request: \"already registered\", the form re-rendered); \`@book\` is an approved delegate"
  echo "booking a breakout's one seat as htmx does (after the first request: \"you already have a seat\")."
  if ((${#skipped[@]} > 0)); then
    echo
    echo "Not measured, because this build lacks the page (bench/prepare.sh said so): ${skipped[*]}."
  fi
  echo
  echo "The machine was shared with other work while measuring (see the load average): a single run is indicative
only; compare ratios from runs made back to back."
} >"$section"
# Only this script's section is replaced: the other benchmarks' figures stay.
python3 "$root/bench/section.py" "$root/bench/RESULTS.md" "## Pages (bench/run.sh)" "$section"
echo "bench: wrote its section of bench/RESULTS.md" >&2
cat "$section"
