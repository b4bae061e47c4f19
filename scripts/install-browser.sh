#!/bin/sh
# Install the headless browser the web tests drive (Debian's chromium package).
# Idempotent: does nothing when /usr/bin/chromium already exists; runs apt-get only when needed.
# Playwright (pip) drives this binary through executable_path; never run `playwright install`.
set -eu

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: $CHROMIUM is missing and apt-get is not available;" \
         "install Chromium yourself (the browser tests will be skipped)" >&2
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser: need root (or sudo) to apt-get install chromium;" \
             "the browser tests will be skipped" >&2
        exit 0
    fi
fi

echo "install-browser: installing chromium with apt-get" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
"$CHROMIUM" --version >&2
