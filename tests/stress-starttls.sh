#!/bin/sh
# The long run of the STARTTLS stall stress test (issue 13): many EHLO → STARTTLS → handshake rounds against the
# practice server, 16 at a time; any round that waits for its reply timeout fails the run.
# Usage: tests/stress-starttls.sh [ROUNDS]   (default 50000; the suite runs 2000)
set -eu
cd "$(dirname "$0")/.."
export SMTPCONSOLE_STARTTLS_STRESS_COUNT="${1:-50000}"
dotnet build tests/SmtpConsole.IntegrationTests -c Release --nologo -v q
exec dotnet test tests/SmtpConsole.IntegrationTests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~StartTlsStressTests" --logger "console;verbosity=detailed"
