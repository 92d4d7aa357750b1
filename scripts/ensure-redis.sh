#!/usr/bin/env bash
# Makes sure `redis-server` is on PATH (the @org/auth-redis tests and bench start their own on a free
# loopback port). Idempotent and quiet: does nothing when it is already installed; otherwise installs
# Debian's redis-server with apt (needs root or sudo). The service itself is not started or enabled.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-redis: redis-server is missing and apt-get is not available; install redis-server (7.x) yourself" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "ensure-redis: redis-server is missing; run this script as root (or install sudo)" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Installing the package may try to start the service; on machines without systemd that only warns.
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null

if ! command -v redis-server >/dev/null 2>&1; then
  echo "ensure-redis: apt-get installed redis-server but it is not on PATH" >&2
  exit 1
fi
echo "ensure-redis: installed $(redis-server --version | head -n 1)"
