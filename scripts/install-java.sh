#!/bin/sh
# Install a Java runtime for the Spark tests, only when `java` is missing (idempotent).
# Uses apt-get (Debian/Ubuntu); elsewhere it prints what to install and exits 0 so that
# the Spark tests skip with a clear reason instead of failing.
set -eu
if command -v java >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-java: no java and no apt-get; install a JRE (17+) to run the Spark tests" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "install-java: need root (or sudo) to install a JRE; the Spark tests will be skipped" >&2
        exit 0
    fi
fi
echo "install-java: installing a headless JRE with apt-get" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
java -version
