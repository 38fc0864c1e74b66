#!/usr/bin/env bash
# The secretariat's pages at scale (issue 14): for each size n (default 400 and 4000), a fresh published app on a new
# SQLite database, summit 1 filled by the data hook bench/secretariat-data.sh (n registrations, n/20 breakouts,
# 2.5n bookings), then, as the first administrator (an organiser):
#   - the vetting queue's first page (size, time), the attendance dashboard (time);
#   - /healthz, the agenda and the uncached agenda under wrk (requests/s, ratio to /healthz);
#   - a bulk decision through "select all matching" on n/10 pending registrations (one POST, one transaction);
#   - a message to every registration (n recipients): the POST's time, after which every Notification row exists.
# Times are curl's time_total on the loopback (median of 5 after a warm-up). Prints one Markdown table; see
# bench/README.md ("Secretariat at scale"). Settings: BENCH_NO_PUBLISH=1 reuses bench/out/secretariat/publish,
# BENCH_DURATION (wrk, default 5s).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
read -r -a scales <<<"${*:-400 4000}"   # multiples of 400
duration=${BENCH_DURATION:-5s}
out=$root/bench/out/secretariat
publish=$out/publish
mkdir -p "$out"
for tool in wrk curl sqlite3; do command -v $tool >/dev/null || { echo "secretariat: $tool is missing" >&2; exit 1; }; done
if [[ ${BENCH_NO_PUBLISH:-0} != 1 || ! -f $publish/WeProtect.Summit.Web.dll ]]; then
  dotnet publish WeProtect.Summit.Web/WeProtect.Summit.Web.csproj -c Release -o "$publish" --nologo -v quiet >&2
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
form_token_of() {
  awk -v id="id=\"$1\"" 'index($0, id) {f = 1} f && /__RequestVerificationToken/ {print; exit}' |
    grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//'
}
# "status bytes seconds" of a GET with the organiser's session, median time of 5 after one warm-up.
timed_get() {
  local runs=() line
  curl -s -o /dev/null -b "$jar" "$base$1"
  for _ in 1 2 3 4 5; do runs+=("$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{size_download} %{time_total}' "$base$1")"); done
  printf '%s\n' "${runs[@]}" | sort -k3 -n | sed -n 3p
}
rps_of() { wrk -t2 -c16 -d"$duration" "${@:2}" "$base$1" | awk '/^Requests\/sec:/ {print $2}'; }

rows=()
for n in "${scales[@]}"; do
  for ((port = 5300; port < 5400; port++)); do port_free "$port" && break; done
  base=http://127.0.0.1:$port
  data=$(mktemp -d "${TMPDIR:-/tmp}/summit-secretariat.XXXXXX")
  jar=$data/cookies
  log=$out/app-$n.log
  (cd "$publish" && ASPNETCORE_ENVIRONMENT=Production Storage__DataFolder=$data PublicBaseUrl=$base \
    AllowedHosts="127.0.0.1;localhost" Cookies__SecurePolicy=SameAsRequest Accounts__StaffTwoStep=Optional \
    exec dotnet WeProtect.Summit.Web.dll --urls "$base") >"$log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null || true' EXIT
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
  bash "$root/bench/secretariat-data.sh" "$db" 1 "$n" >&2
  hook=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
  load=$(cut -d' ' -f1-3 /proc/loadavg)

  read -r qs qb qt <<<"$(timed_get /Registration/Manage/Index/1)"
  read -r ds db_ dt <<<"$(timed_get /Registration/Manage/Dashboard/1)"
  health=$(rps_of /healthz)
  agenda=$(rps_of /Breakouts/Agenda/1)
  uncached=$(rps_of /Breakouts/Agenda/1 -s "$root/bench/uncached.lua")

  bulk=$(sqlite3 "$db" "SELECT Id FROM Organisations WHERE FormalName = 'Bench bulk delegation';")
  query="status=Pending&organisation=$bulk"
  page=$(curl -fsS -c "$jar" -b "$jar" "$base/Registration/Manage/Index/1?$query")
  expected=$(grep -o 'data-match-count="[0-9]*"' <<<"$page" | head -1 | grep -o '[0-9]*')
  token=$(form_token_of bulk-form <<<"$page")
  bt=$(curl -s -o "$out/bulk-$n.html" -b "$jar" -w '%{http_code} %{time_total}' "$base/Registration/Manage/Index/1?handler=Bulk&$query" \
    --data "__RequestVerificationToken=$token&scope=all&expected=$expected&bulkDecision=Approved")
  approved=$(sqlite3 "$db" "SELECT count(*) FROM Registrations WHERE OrganisationId = $bulk AND Status = 'Approved';")

  page=$(curl -fsS -c "$jar" -b "$jar" "$base/Registration/Manage/Messages/1")
  token=$(form_token_of message-form <<<"$page")
  key=$(grep -o 'name="Key" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
  # The POST in the background; the database is polled for the moment every recipient's Notification row exists.
  sent_at=$(date +%s.%N)
  curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "$base/Registration/Manage/Messages/1?handler=Send" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Key=$key" \
    --data-urlencode "Subject={SummitName}: practical information" --data-urlencode "Body=Dear {FullName}, your badge: {BadgeLink}" >"$data/send" &
  post=$!
  until [[ $(sqlite3 "$db" "SELECT count(*) FROM DelegateMessageRecipients r JOIN Notifications n ON n.Id = r.NotificationId;" 2>/dev/null || echo 0) -ge $n ]]; do
    kill -0 $post 2>/dev/null || break
    sleep 0.1
  done
  rows_at=$(awk -v s="$sent_at" -v e="$(date +%s.%N)" 'BEGIN {printf "%.2f", e - s}')
  wait $post
  mt=$(cat "$data/send")
  notified=$(sqlite3 "$db" "SELECT count(*) FROM DelegateMessageRecipients r JOIN Notifications n ON n.Id = r.NotificationId;")

  ratio() { awk -v a="$1" -v b="$health" 'BEGIN {printf "%.3f", a / b}'; }
  row="| $n | $hook s | ${qb} B, ${qt} s ($qs) | ${dt} s ($ds) | ${health} | ${agenda} ($(ratio "$agenda")) | ${uncached} ($(ratio "$uncached")) | ${approved} of ${expected}: ${bt#* } s (${bt% *}) | ${notified} rows after ${rows_at} s; answer ${mt#* } s (${mt% *}) | $load |"
  echo "$row" >&2
  rows+=("$row")
  kill "$app"; wait "$app" 2>/dev/null || true
  rm -rf "$data"
done
echo "| Registrations | Data hook | Vetting queue, page 1 | Attendance dashboard | /healthz req/s | Agenda req/s (ratio) | Agenda uncached req/s (ratio) | Bulk decision (select all) | Message to all: Notification rows | Load average |"
echo "|---:|---:|---|---|---:|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
