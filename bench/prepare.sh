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
  --data-urlencode "Input.Password=bench passphrase 2026" --data-urlencode "Input.ConfirmPassword=bench passphrase 2026"

antiforgery=$(curl -fsS -c "$jar" -b "$jar" "$base/Summits/Manage" | token_of)
curl -fsS -o /dev/null -c "$jar" -b "$jar" "$base/Summits/Manage?handler=Sample" \
  --data-urlencode "__RequestVerificationToken=$antiforgery"

status=$(curl -s -o /dev/null -w '%{http_code}' "$base/Summits/Details/1")
[[ $status == 200 ]] || { echo "prepare: /Summits/Details/1 answers $status" >&2; exit 1; }
echo "prepare: first administrator and sample summit 1 created" >&2
