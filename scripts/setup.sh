#!/usr/bin/env bash
# Installs what SEOKit needs on a fresh Debian 12 machine, if it is missing:
# the C libraries it wraps (libxml2, cmark-gfm) and pkg-config. Swift itself must be on PATH.
set -euo pipefail

packages=(pkg-config libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "setup: swift is not on PATH (Swift 6.3 toolchain required)" >&2; exit 1; }
