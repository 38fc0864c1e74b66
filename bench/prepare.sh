#!/usr/bin/env bash
# Creates what the measured pages need, through the app's own forms (as a browser would):
# the first administrator (from the one-time link in the app's console output) and the sample summit (id 1).
#   bench/prepare.sh <base-url>     (run by bench/run.sh; the console output is bench/out/app.log)
set -euo pipefail
base=$1
root=$(cd "$(dirname "$0")/.." && pwd)
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

link=""
for _ in $(seq 1 50); do
  link=$(grep -o 'http[^ ]*/Setup?token=[A-Za-z0-9_-]*' "$root/bench/out/app.log" | tail -1 || true)
  [[ -n $link ]] && break
  sleep 0.2
done
[[ -n $link ]] || { echo "prepare: no set-up link in bench/out/app.log" >&2; exit 1; }
path=/Setup${link#*/Setup}

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

antiforgery=$(curl -fsS -c "$jar" -b "$jar" "$base$path" | token_of)
curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base$path" \
  --data-urlencode "__RequestVerificationToken=$antiforgery" \
  --data-urlencode "Token=${path#*token=}" \
  --data-urlencode "Input.FullName=Bench Admin" --data-urlencode "Input.Email=bench@example.org" \
  --data-urlencode "Input.Password=bench lantern orchard passphrase 2026" --data-urlencode "Input.ConfirmPassword=bench lantern orchard passphrase 2026"

antiforgery=$(curl -fsS -c "$jar" -b "$jar" "$base/Summits/Manage" | token_of)
curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base/Summits/Manage?handler=Sample" \
  --data-urlencode "__RequestVerificationToken=$antiforgery"

status=$(curl -s -o /dev/null -w '%{http_code}' "$base/Summits/Details/1")
[[ $status == 200 ]] || { echo "prepare: /Summits/Details/1 answers $status" >&2; exit 1; }
echo "prepare: first administrator and sample summit 1 created" >&2
# bench/engine.sh needs only these, and the administrator's session (BENCH_ADMIN_JAR) to make its breakout.
if [[ ${BENCH_PREPARE:-all} == summit ]]; then
  cp "$jar" "${BENCH_ADMIN_JAR:?}"
  exit 0
fi

# --- Check-in and registration POSTs (bench/run.sh paths ending in "@checkin" and "@register") ---------------------
# wrk replays one request: each POST needs the session cookie, the antiforgery cookie and the form's token (bound to
# that user), which are read here and written into bench/out/<name>.lua (see bench/README.md). The admin created above
# holds the Organiser policy (admins are organisers), so their session works the check-in desk.
out=$root/bench/out
db=${BENCH_DATA_FOLDER:?}/summit.db
command -v sqlite3 >/dev/null || { echo "prepare: sqlite3 is missing (apt-get install sqlite3)" >&2; exit 1; }
cookie_of() { awk -v n="$2" '$6 == n {print $7}' "$1" | tail -1; }
form_token_of() { # the antiforgery token inside the form with id $1
  awk -v id="id=\"$1\"" 'index($0, id) {f = 1} f && /__RequestVerificationToken/ {print; exit}' |
    grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//'
}
write_lua() { # name path body cookie-header [extra header line]
  cat >"$out/$1.lua" <<LUA
-- Written by bench/prepare.sh: POST $2 with the session and antiforgery cookies of a prepared user.
wrk.method = "POST"
wrk.path = "$2"
wrk.body = "$3"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$4"
${5:-}
LUA
}

# A delegate: an account made through /Account/Register (confirmed in the database: the e-mail link is not the point).
new_delegate() { # email full-name jar
  local page token
  page=$(curl -fsS -c "$3" -b "$3" "$base/Account/Register")
  token=$(printf '%s' "$page" | token_of)
  curl -fsS -o /dev/null -c "$3" -b "$3" "$base/Account/Register" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.FullName=$2" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=bench lantern orchard passphrase 2026" \
    --data-urlencode "Input.ConfirmPassword=bench lantern orchard passphrase 2026"
  sqlite3 "$db" "UPDATE AspNetUsers SET EmailConfirmed = 1 WHERE NormalizedEmail = upper('$1');"
  token=$(curl -fsS -c "$3" -b "$3" "$base/Account/Login" | token_of)
  curl -fsS -o /dev/null -c "$3" -b "$3" "$base/Account/Login" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=bench lantern orchard passphrase 2026"
  [[ -n $(cookie_of "$3" summit.auth) ]] || { echo "prepare: $1 could not log in" >&2; exit 1; }
}

delegate_jar=$(mktemp); second_jar=$(mktemp)
trap 'rm -f "$jar" "$delegate_jar" "$second_jar"' EXIT
new_delegate delegate@example.org "Bench Delegate" "$delegate_jar"
new_delegate second@example.org "Second Delegate" "$second_jar"

# An authenticated page (GET): the delegate's profile. Every signed-in request checks the session against the
# database (security stamp and lock-out, Accounts/SessionCheck), so this row measures that cost with the page's own.
cat >"$out/profile.lua" <<LUA
-- Written by bench/prepare.sh: GET /Profile/Index with the session cookie of a prepared delegate.
wrk.method = "GET"
wrk.path = "/Profile/Index"
wrk.headers["Cookie"] = "summit.auth=$(cookie_of "$delegate_jar" summit.auth)"
LUA
organisation=$(sqlite3 "$db" "SELECT Id FROM Organisations ORDER BY Id LIMIT 1;")

register_form=$(curl -fsS -c "$delegate_jar" -b "$delegate_jar" "$base/Registration/Register/1")
register_fields="Input.FullName=Bench+Delegate&Input.Position=Director&Input.OrganisationId=$organisation&Input.Category=Delegate&Input.ConsentToPublicList=true"
token=$(form_token_of registration-form <<<"$register_form")
curl -fsS -o /dev/null -c "$delegate_jar" -b "$delegate_jar" "$base/Registration/Register/1" \
  --data "__RequestVerificationToken=$token&$register_fields"
# Approved as the vetting queue would approve: the status and the summit's place counter (the queue is another page).
sqlite3 "$db" "UPDATE Registrations SET Status = 'Approved', DecidedUtc = strftime('%Y-%m-%d %H:%M:%f', 'now')
                 WHERE SummitId = 1 AND UserId = (SELECT Id FROM AspNetUsers WHERE NormalizedEmail = 'DELEGATE@EXAMPLE.ORG');
               UPDATE Summits SET ApprovedCount = ApprovedCount + 1 WHERE Id = 1;"
code=$(sqlite3 "$db" "SELECT BadgeCode FROM Registrations WHERE SummitId = 1 AND Status = 'Approved' LIMIT 1;")
[[ -n $code ]] || { echo "prepare: no approved registration" >&2; exit 1; }

# Check-in: the organiser's desk scanning the approved delegate's badge, as htmx posts it (the partial comes back).
# The first request checks the delegate in; every later one is "already checked in": the same lookup, update
# attempt and rendering, without a new audit event.
desk=$(curl -fsS -c "$jar" -b "$jar" "$base/Registration/Manage/CheckIn/1")
token=$(form_token_of checkin-form <<<"$desk")
[[ -n $token ]] || { echo "prepare: no check-in form on /Registration/Manage/CheckIn/1" >&2; exit 1; }
write_lua checkin /Registration/Manage/CheckIn/1 "__RequestVerificationToken=$token&Code=$code" \
  "summit.auth=$(cookie_of "$jar" summit.auth); summit.antiforgery=$(cookie_of "$jar" summit.antiforgery)" \
  'wrk.headers["HX-Request"] = "true"'
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H 'HX-Request: true' "$base/Registration/Manage/CheckIn/1" \
  --data "__RequestVerificationToken=$token&Code=$code")
[[ $status == 200 ]] || { echo "prepare: the check-in POST answers $status" >&2; exit 1; }

# Registration: the second delegate posts the registration form. The first request registers them; later ones get
# the form back with "You have already registered" (binding, antiforgery, validation, the duplicate check, rendering).
register_form=$(curl -fsS -c "$second_jar" -b "$second_jar" "$base/Registration/Register/1")
token=$(form_token_of registration-form <<<"$register_form")
write_lua register /Registration/Register/1 "__RequestVerificationToken=$token&${register_fields/Bench+Delegate/Second+Delegate}" \
  "summit.auth=$(cookie_of "$second_jar" summit.auth); summit.antiforgery=$(cookie_of "$second_jar" summit.antiforgery)"

# --- Breakouts: a room and a one-seat breakout on the summit's first day, made through the organiser's pages ----------
programme=$(curl -fsS -c "$jar" -b "$jar" "$base/Breakouts/Manage/Index/1")
token=$(form_token_of room-add <<<"$programme")
curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base/Breakouts/Manage/Index/1?handler=SaveRoom" \
  --data "__RequestVerificationToken=$token&name=Africa+Hall&capacity=200&notes=Ground+floor"
room=$(sqlite3 "$db" "SELECT Id FROM Rooms WHERE SummitId = 1 ORDER BY Id LIMIT 1;")
day=$(sqlite3 "$db" "SELECT StartDate FROM Summits WHERE Id = 1;")
editor=$(curl -fsS -c "$jar" -b "$jar" "$base/Breakouts/Manage/Edit/1")
token=$(form_token_of breakout-form <<<"$editor")
curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base/Breakouts/Manage/Edit/1" \
  --data "__RequestVerificationToken=$token&Input.Title=Safety+by+design&Input.RoomId=$room&Input.Date=$day&Input.StartTime=10:00&Input.EndTime=11:00&Input.Capacity=1"
breakout=$(sqlite3 "$db" "SELECT Id FROM Breakouts WHERE SummitId = 1 ORDER BY Id LIMIT 1;")
[[ -n $breakout ]] || { echo "prepare: the breakout was not created" >&2; exit 1; }

# Booking: the approved delegate posts the booking form as htmx does. The first request takes the one seat; later ones
# get "you already have a seat" (antiforgery, the desk's checks, the button partial).
session=$(curl -fsS -c "$delegate_jar" -b "$delegate_jar" "$base/Breakouts/Bookings/Book/$breakout")
token=$(form_token_of "book-form-$breakout" <<<"$session")
[[ -n $token ]] || { echo "prepare: no booking form for breakout $breakout" >&2; exit 1; }
write_lua book "/Breakouts/Bookings/Book/$breakout" "__RequestVerificationToken=$token" \
  "summit.auth=$(cookie_of "$delegate_jar" summit.auth); summit.antiforgery=$(cookie_of "$delegate_jar" summit.antiforgery)" \
  'wrk.headers["HX-Request"] = "true"'
echo "prepare: bench/out/checkin.lua, register.lua and book.lua written; breakout $breakout in room $room" >&2
