#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run) and as README.md documents it: ./scripts/test.sh
#
# 1. Installs with apt what the tests need, only where it is absent: Debian's chromium (driven by Playwright
#    .NET, which downloads no browser of its own), poppler-utils (pdfsig, pdftotext) and fonts-dejavu-core.
# 2. Restores the local tools (dotnet-ef) and runs every test project of the solution in Release.
# Results (TRX) and the browser tests' screenshots go to TestResults/ at the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium poppler-utils fonts-dejavu-core)
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ command -v pdfsig >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; } || missing+=(poppler-utils)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)

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

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore
rm -f TestResults/summit*.trx
status=0
dotnet test WeProtect.Summit.slnx -c Release \
  --results-directory TestResults \
  --logger "trx;LogFilePrefix=summit" \
  --logger "console;verbosity=normal" || status=$?

# A failure scrolls far up in a long log; name the failed tests again where the log ends.
if ((status != 0)); then
  echo "test.sh: failed tests (details in TestResults/*.trx):" >&2
  grep -ho '<UnitTestResult [^>]*outcome="Failed"[^>]*>' TestResults/summit*.trx 2>/dev/null \
    | sed -E 's/.*testName="([^"]*)".*/  FAILED \1/' >&2 || true
  grep -ho '<Message>[^<]*' TestResults/summit*.trx 2>/dev/null | sed 's/<Message>/  message: /' | head -c 4000 >&2 || true
fi
exit "$status"
