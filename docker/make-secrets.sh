#!/usr/bin/env bash
# For a try-out of the two-node compose files only: makes docker/secrets/signing.pfx (communiqué signing) and
# docker/secrets/keys.pfx (data-protection keys), self-signed, with random passwords, and appends the settings to
# docker/.env. Both nodes mount the same files: a node never makes a certificate of its own. For a real deployment,
# put a signing certificate from an authority readers trust in docker/secrets/signing.pfx instead.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p secrets
umask 077
make_pfx() { # file subject key-usage password
  openssl req -x509 -newkey rsa:3072 -sha256 -days 1825 -nodes -subj "/CN=$2" -addext "keyUsage=critical,$3" \
    -keyout "secrets/$1.key" -out "secrets/$1.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "secrets/$1.key" -in "secrets/$1.crt" -out "secrets/$1.pfx" -passout "pass:$4"
  rm -f "secrets/$1.key"
}
signing_password=$(openssl rand -hex 24)
keys_password=$(openssl rand -hex 24)
make_pfx signing "WeProtect Summit signing (try-out)" "digitalSignature,nonRepudiation" "$signing_password"
make_pfx keys "WeProtect Summit key encryption" "keyEncipherment,dataEncipherment" "$keys_password"
# The app runs as a non-root user in the container: let it read the files (they stay out of git, see .gitignore).
chmod 644 secrets/*.pfx
touch .env
{
  echo "SIGNING_PFX_PATH=/run/secrets/signing.pfx"
  echo "SIGNING_PFX_PASSWORD=$signing_password"
  echo "DATA_PROTECTION_PFX_PATH=/run/secrets/keys.pfx"
  echo "DATA_PROTECTION_PFX_PASSWORD=$keys_password"
} >> .env
echo "docker/secrets/signing.pfx and keys.pfx written; their settings appended to docker/.env"
