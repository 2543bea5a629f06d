#!/usr/bin/env bash
# Installs Debian packages that are missing, as root: `scripts/apt-install.sh PACKAGE...`.
# One apt at a time: two test runs at once on one machine (as the CI checks do) would otherwise
# fail on dpkg's lock, so our apt calls queue on a lock file and wait for any other apt too.
set -euo pipefail

missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ "$(id -u)" -ne 0 ]]; then
  echo "apt-install: ${missing[*]} missing; install as root (apt-get install ${missing[*]})" >&2
  exit 1
fi

apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"
}
exec 9>/tmp/ferry-apt.lock
flock 9
echo "apt-install: installing ${missing[*]}" >&2
if ! apt_get install -y -qq "${missing[@]}" >/dev/null; then
  apt_get update -qq
  apt_get install -y -qq "${missing[@]}" >/dev/null
fi
