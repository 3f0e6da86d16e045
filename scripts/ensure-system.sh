#!/usr/bin/env bash
# Installs the Debian packages the stack and its tests need when they are
# missing: Java 17 for DynamoDB Local, Chromium for the end-to-end tests and
# zbar-tools and poppler-utils for decoding rendered QR codes.
set -euo pipefail

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
[ "${1:-}" = "--with-test-tools" ] && {
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v zbarimg >/dev/null || missing+=(zbar-tools)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
}
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
