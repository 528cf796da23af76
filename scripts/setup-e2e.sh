#!/usr/bin/env bash
# Installs the Debian packages the e2e tier uses (listed in test/e2e/tools.json).
# Idempotent: packages already installed are left alone, and apt is not touched at all when
# nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t packages < <(node -e '
  const { tools } = JSON.parse(require("fs").readFileSync("test/e2e/tools.json", "utf8"))
  for (const pkg of new Set(Object.values(tools))) console.log(pkg)
')

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup:e2e: all ${#packages[@]} packages present (${packages[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  sudo=sudo
else
  sudo=
fi
echo "setup:e2e: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup:e2e: done"
