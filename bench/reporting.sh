#!/usr/bin/env bash
# After the summit at scale (issue 17): a fresh published app on a new SQLite database; summit 1 (the sample summit)
# gets, through the data hook bench/reporting-data.sh, one published statement of 60 commitments endorsed by 200
# members and 3 reporting cycles past their deadline with a submitted report from every member (36,000 entries).
# Then, as the first administrator (an organiser):
#   - publish each cycle through its page (POST; curl's time_total) and the first render of its public page after it;
#   - /healthz, the public cycle page (/Reporting/Progress/<last cycle>) cached and uncached (bench/uncached.lua), and
#     one member's public page across the 3 cycles, uncached, under wrk: requests/s and the ratio to /healthz.
# Writes its section of bench/RESULTS.md, leaving the others (BENCH_NO_RESULTS=1: print only). Settings: BENCH_NO_PUBLISH=1 reuses
# bench/out/reporting/publish; BENCH_DURATION (wrk, default 5s); BENCH_MEMBERS, BENCH_COMMITMENTS, BENCH_CYCLES.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
members=${BENCH_MEMBERS:-200} commitments=${BENCH_COMMITMENTS:-60} cycles=${BENCH_CYCLES:-3}
duration=${BENCH_DURATION:-5s}
out=$root/bench/out/reporting
publish=$out/publish
mkdir -p "$out"
for tool in wrk curl sqlite3 sha256sum; do command -v $tool >/dev/null || { echo "reporting: $tool is missing" >&2; exit 1; }; done
if [[ ${BENCH_NO_PUBLISH:-0} != 1 || ! -f $publish/WeProtect.Summit.Web.dll ]]; then
  dotnet publish WeProtect.Summit.Web/WeProtect.Summit.Web.csproj -c Release -o "$publish" --nologo -v quiet >&2
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
# wrk counts answers whatever their status, and leaves timed-out requests out: its whole output is kept, and what
# went wrong (non-2xx answers, socket errors and timeouts) is written under the table, so a fast 404 or 500 cannot pass
# for a fast page.
rps_of() { wrk -t2 -c16 -d"$duration" "${@:2}" "$base$1" | tee -a "$out/wrk.txt" | awk '/^Requests\/sec:/ {print $2}'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((port = 5400; port < 5500; port++)); do port_free "$port" && break; done
base=http://127.0.0.1:$port
data=$(mktemp -d "${TMPDIR:-/tmp}/summit-reporting.XXXXXX")
jar=$data/cookies
log=$out/app.log
(cd "$publish" && ASPNETCORE_ENVIRONMENT=Production Storage__DataFolder=$data PublicBaseUrl=$base \
  AllowedHosts="127.0.0.1;localhost" Cookies__SecurePolicy=SameAsRequest Accounts__StaffTwoStep=Optional \
  exec dotnet WeProtect.Summit.Web.dll --urls "$base") >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$data"' EXIT
for ((i = 0; i < 240; i++)); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/healthz" || true) == 200 ]] && break
  sleep 0.5
done
link=$(grep -o 'http[^ ]*/Setup?token=[A-Za-z0-9_-]*' "$log" | tail -1)
path=/Setup${link#*/Setup}
token=$(curl -fsS -c "$jar" -b "$jar" "$base$path" | token_of)
curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base$path" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Token=${path#*token=}" --data-urlencode "Input.FullName=Bench Admin" --data-urlencode "Input.Email=bench@example.org" \
  --data-urlencode "Input.Password=bench lantern orchard passphrase 2026" --data-urlencode "Input.ConfirmPassword=bench lantern orchard passphrase 2026"
token=$(curl -fsS -c "$jar" -b "$jar" "$base/Summits/Manage" | token_of)
curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base/Summits/Manage?handler=Sample" --data-urlencode "__RequestVerificationToken=$token"

db=$data/summit.db
started=$(date +%s.%N)
bash "$root/bench/reporting-data.sh" "$db" 1 "$members" "$commitments" "$cycles" >&2
hook=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')

ids=$(sqlite3 "$db" "SELECT Id FROM ReportingCycles WHERE Title LIKE 'Bench biennial report %' ORDER BY Id;")
publishes=() firsts=()
for id in $ids; do
  token=$(curl -fsS -c "$jar" -b "$jar" "$base/Reporting/Manage/Cycle/$id" | awk '/id="publish-form"/ {f = 1} f && !done && /__RequestVerificationToken/ {print; done = 1}' | token_of)  # reads to the end: an early exit would break curl's pipe
  publishes+=("$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "$base/Reporting/Manage/Cycle/$id?handler=Publish" \
    --data-urlencode "__RequestVerificationToken=$token")")
  firsts+=("$(curl -s -o "$out/progress-$id.html" -w '%{http_code} %{size_download} %{time_total}' "$base/Reporting/Progress/$id")")
done
last=${ids##*$'\n'}
grep -q "all-$((commitments / 2)).a" "$out/progress-$last.html" || echo "reporting: the public page does not show all-$((commitments / 2)).a" >&2
rate=$(grep -o '<p id="rate"><strong>[0-9]*</strong> of <strong>[0-9]*</strong>' "$out/progress-$last.html" | sed 's/<[^>]*>//g; s/^ *//' || true)
[[ $rate == "$members of $members" ]] || echo "reporting: the public page says \"$rate\" reported, not $members of $members" >&2
member=$(sqlite3 "$db" "SELECT min(Id) FROM Organisations WHERE FormalName LIKE 'Bench member %';")
: >"$out/wrk.txt"
health=$(rps_of /healthz)
cached=$(rps_of "/Reporting/Progress/$last")
uncached=$(rps_of "/Reporting/Progress/$last" -s "$root/bench/uncached.lua")
member_uncached=$(rps_of "/Reporting/Member/$member" -s "$root/bench/uncached.lua")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
problems=$(awk '/^Running/ {url = $NF} /Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s%s: %s", sep, url, $0; sep = "; "}' "$out/wrk.txt")
kill "$app"; wait "$app" 2>/dev/null || true

ratio() { awk -v a="$1" -v b="$health" 'BEGIN {printf "%.4f", a / b}'; }
section=$(cat <<MD
## After the summit: reporting at scale (bench/reporting.sh)

- Date: $(date -u '+%Y-%m-%d %H:%M') UTC; commit $(git rev-parse --short HEAD); $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
- Load average (1, 5, 15 min) before: $load_before; after: $load_after. Compare the ratios to \`/healthz\` of this run.
- $members members × $commitments commitments × $cycles cycles (one submitted report per member and cycle), inserted by
  bench/reporting-data.sh in $hook s; app published in Release, Production, SQLite; wrk -t2 -c16 -d$duration on the same machine.
- wrk's errors: ${problems:-none}; the last cycle's public page says \`${rate:-?}\` organisations reported.

| What | Figure | Ratio to /healthz |
|---|---:|---:|
| \`/healthz\` (baseline of this run) | $health requests/s | 1.0000 |
| Public cycle page \`/Reporting/Progress/$last\`, cached | $cached requests/s | $(ratio "$cached") |
| Public cycle page, uncached (a new query string each request) | $uncached requests/s | $(ratio "$uncached") |
| Public member page \`/Reporting/Member/$member\` ($cycles cycles), uncached | $member_uncached requests/s | $(ratio "$member_uncached") |
$(i=0; for id in $ids; do echo "| Publish cycle $id: the POST (${publishes[$i]% *}), then the public page's first render (${firsts[$i]%% *}, $(cut -d' ' -f2 <<<"${firsts[$i]}") bytes) | ${publishes[$i]#* } s, then $(cut -d' ' -f3 <<<"${firsts[$i]}") s | — |"; i=$((i + 1)); done)
MD
)
echo "$section"
[[ ${BENCH_NO_RESULTS:-0} == 1 ]] || python3 "$root/bench/section.py" "$root/bench/RESULTS.md" "## After the summit: reporting at scale (bench/reporting.sh)" <(printf '%s\n' "$section")
