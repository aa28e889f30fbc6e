#!/usr/bin/env bash
# THE test command: installs dependencies, starts the real test mail servers,
# runs every test project in the solution, and ends with one line
# "N passed, N failed" counted from the TRX results.
#
# usage: ./test.sh [dotnet test arguments...]   e.g. ./test.sh --filter ServerSanity
# env:   SMTPCONSOLE_KEEP_SERVERS=1 leaves the servers running afterwards.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$repo"
results=$repo/TestResults
servers=$repo/tests/servers

"$repo/tests/install-deps.sh"

cleanup() {
    if [[ ${SMTPCONSOLE_KEEP_SERVERS:-} != 1 ]]; then
        "$servers/stop.sh" || true
    fi
}
trap cleanup EXIT

if ! "$servers/start.sh" --sink --no-deps; then
    echo "test.sh: the test mail servers did not start; no tests were run"
    echo "0 passed, 1 failed"
    exit 1
fi
export SMTPCONSOLE_TEST_SERVERS=$servers/.run/servers.json

solution=$repo/SmtpConsole.slnx
[[ -f $solution ]] || solution=$repo/SmtpConsole.sln

# Old TRX files would be counted again.
rm -rf "$results"

# Build the whole solution once, then test each test project with its own
# TRX file: `dotnet test` on the solution would give every project the same
# LogFileName, and the later projects would overwrite the earlier results.
if ! dotnet build "$solution" -c Release </dev/null; then
    trap - EXIT
    cleanup
    echo "test.sh: build failed; no tests were run"
    echo "0 passed, 1 failed"
    exit 1
fi

# The shipped binary is the Native AOT one; the end-to-end tests drive it (SMTPCONSOLE_AOT_BINARY).
# Only for a full run: a filtered run (./test.sh --filter X) skips the extra checks below.
extra_passed=0
extra_failed=0
full_run=$(( $# == 0 ))
if ((full_run)); then
    if aot=$("$repo/scripts/publish-aot.sh" </dev/null); then
        export SMTPCONSOLE_AOT_BINARY=$aot SMTPCONSOLE_E2E_BINARY=$aot
        echo "test.sh: Native AOT binary: $aot"
        extra_passed=$((extra_passed + 1))
    else
        echo "test.sh: the Native AOT publish failed"
        extra_failed=$((extra_failed + 1))
    fi
fi

# A test project is whatever MSBuild says is one (IsTestProject, set for tests/ by tests/Directory.Build.props):
# package references live in shared props files, so grepping a .csproj for the test SDK finds nothing.
mapfile -t projects < <(dotnet sln "$solution" list </dev/null | grep -E '\.csproj$' |
    while read -r p; do
        if [[ $(dotnet msbuild "$repo/$p" -getProperty:IsTestProject </dev/null 2>/dev/null | tr -d '[:space:]') == true ]]; then echo "$p"; fi
    done)
if ((${#projects[@]} == 0)); then
    # Never a green summary over zero tests.
    echo "test.sh: no test projects found in $solution"
    echo "0 passed, 1 failed"
    exit 1
fi
echo "test.sh: test projects: ${projects[*]}"

status=0
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    echo "test.sh: testing $name"
    if ! dotnet test "$repo/$project" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" \
        --results-directory "$results" \
        "$@" </dev/null; then
        echo "test.sh: $name: dotnet test failed"
        status=1
    fi
done

# Counters from every TRX file; errors, timeouts and aborts count as failures.
counts=$(/usr/bin/python3 - "$results" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        failed += 1
        continue
    for counters in root.iter():
        if counters.tag.endswith("Counters"):
            a = counters.attrib
            passed += int(a.get("passed", 0))
            failed += sum(int(a.get(k, 0)) for k in ("failed", "error", "timeout", "aborted"))
print(passed, failed)
PY
) || counts="0 1"
read -r passed failed <<<"$counts"

# Fuzzing smoke run: every harness for a few seconds from its seed corpus; a crash fails the run.
if ((full_run)); then
    if "$repo/fuzz/smoke.sh" </dev/null; then
        extra_passed=$((extra_passed + 1))
    else
        echo "test.sh: the fuzzing smoke run found a crash or could not run (see above)"
        extra_failed=$((extra_failed + 1))
    fi
fi
passed=$((passed + extra_passed))
failed=$((failed + extra_failed))

# Stop the servers now rather than in the EXIT trap so that the summary below
# stays the very last line of output.
trap - EXIT
cleanup

if ((status != 0 && failed == 0)); then
    # dotnet test failed without a failing test: a crashed test host or bad
    # arguments. Count it so the summary never looks green.
    echo "test.sh: dotnet test failed without a failing test (test host crash or bad arguments?)"
    failed=1
fi
echo "$passed passed, $failed failed"
if ((failed > 0)); then
    exit 1
fi
