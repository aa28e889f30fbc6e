#!/usr/bin/env bash
# The record → replay property test (docs/scripts.md) with more iterations and a fresh random seed each run.
# Needs the test servers: SMTPCONSOLE_TEST_SERVERS=…/servers.json (tests/servers/start.sh), like the integration tests.
# Usage: tests/roundtrip-long.sh [ITERATIONS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export ROUNDTRIP_ITERATIONS="${1:-300}"
export ROUNDTRIP_SEED="${2:-$(head -c 9 /dev/urandom | base64 | tr '+/' 'ab' | cut -c1-12)}"
echo "round trip: $ROUNDTRIP_ITERATIONS sessions, seed $ROUNDTRIP_SEED"
start=$(date +%s)
dotnet test tests/SmtpConsole.IntegrationTests -c Release --no-build \
  --filter "FullyQualifiedName~RoundTripPropertyTests" --logger "console;verbosity=minimal"
echo "round trip: $ROUNDTRIP_ITERATIONS sessions in $(( $(date +%s) - start )) s"
