# Shared by run.sh and smoke.sh: installs what fuzzing needs, builds the harness and instruments the engine.
# Sourced, not run. Sets FUZZ_DIR, FUZZ_BIN and the afl-fuzz environment.

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Release for long runs (faster executions); smoke.sh uses Debug so CI reuses the Core build the tests just made.
FUZZ_CONFIGURATION="${FUZZ_CONFIGURATION:-Release}"
FUZZ_BIN="$FUZZ_DIR/out/$FUZZ_CONFIGURATION"
# The same harness, not instrumented: instrumented code writes to afl's shared memory and crashes without afl.
FUZZ_PLAIN_BIN="$FUZZ_DIR/SmtpConsole.Fuzz/bin/$FUZZ_CONFIGURATION/net10.0"
FUZZ_TARGETS=(reply-parser script-reader)

fuzz_log() { echo "fuzz: $*" >&2; }

fuzz_install() {
    if ! command -v afl-fuzz >/dev/null 2>&1; then
        fuzz_log "installing afl++ (Debian package)"
        if [ "$(id -u)" -eq 0 ]; then
            apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
        else
            sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
        fi
    fi
    if [ ! -x "$FUZZ_DIR/.tools/sharpfuzz" ]; then
        fuzz_log "installing the sharpfuzz instrumentation tool"
        dotnet tool install --tool-path "$FUZZ_DIR/.tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
    fi
}

# Publishes into a clean folder every time: sharpfuzz refuses a dll it has already instrumented.
fuzz_build() {
    rm -rf "$FUZZ_BIN"
    fuzz_log "building the harness"
    dotnet publish "$FUZZ_DIR/SmtpConsole.Fuzz/SmtpConsole.Fuzz.csproj" -c "$FUZZ_CONFIGURATION" -o "$FUZZ_BIN" --nologo -v quiet >/dev/null
    fuzz_log "instrumenting SmtpConsole.Core.dll"
    "$FUZZ_DIR/.tools/sharpfuzz" "$FUZZ_BIN/SmtpConsole.Core.dll" >/dev/null
}

# afl-fuzz settings for a managed target: dotnet itself is not instrumented, the machine is shared and may not
# let afl pin a core, and nobody watches the UI.
export AFL_SKIP_BIN_CHECK=1
export AFL_SKIP_CPUFREQ=1
export AFL_NO_AFFINITY=1
export AFL_NO_UI=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# fuzz_replay TARGET PATH...: runs inputs through the uninstrumented harness and prints any exception.
fuzz_replay() {
    local target="$1"; shift
    dotnet "$FUZZ_PLAIN_BIN/SmtpConsole.Fuzz.dll" "$target" --replay "$@"
}

# fuzz_run TARGET SECONDS FINDINGS_DIR [resume]: runs afl-fuzz for at most SECONDS.
fuzz_run() {
    local target="$1" seconds="$2" findings="$3" input="$FUZZ_DIR/corpus/$1"
    if [ "${4:-}" = resume ] && [ -d "$findings/default/queue" ]; then input=-; fi
    afl-fuzz -i "$input" -o "$findings" -t 10000 -m none -V "$seconds" -- dotnet "$FUZZ_BIN/SmtpConsole.Fuzz.dll" "$target" >"$findings.log" 2>&1
}

# fuzz_stat FINDINGS_DIR KEY: one value from afl's fuzzer_stats (0 when absent).
fuzz_stat() {
    local value
    value=$(awk -F' *: *' -v k="$2" '$1 == k { print $2 }' "$1/default/fuzzer_stats" 2>/dev/null)
    echo "${value:-0}"
}

fuzz_crashes() {
    local saved
    saved=$(fuzz_stat "$1" saved_crashes)
    [ "$saved" = 0 ] && saved=$(fuzz_stat "$1" unique_crashes)
    echo "$saved"
}
