#!/usr/bin/env bash
# Publishes smtpconsole as a Native AOT binary to artifacts/aot/ (or, with --jit, a framework-dependent Release
# build to artifacts/jit/) only when the sources changed, and prints the binary's path on stdout.
# Everything else goes to stderr, so `bin=$(bench/publish-aot.sh)` works in scripts and CI.
# Every AOT build is delegated to scripts/publish-aot.sh (test.sh and run.sh use it too, so all agree on
# artifacts/aot/); this script itself only builds the --jit variant.
#
# usage: bench/publish-aot.sh [--jit | --warnings] [--force]
#   --jit       the JIT (framework-dependent) build instead, for start-up comparisons
#   --warnings  publish AOT again (scripts/publish-aot.sh --force), failing on any IL2xxx/IL3xxx warning
#   --force     publish even when the source hash is unchanged
#
# The hash covers src/** and profiles/** (bin/ and obj/ excluded), Directory.Build.props, global.json, the
# .NET SDK version and this script. AOT needs clang and zlib1g-dev; as root they are apt-installed if missing.
# The publish fails if it printed any trim/AOT (IL2xxx/IL3xxx) warning.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kind=aot
force=0
for arg in "$@"; do
    case $arg in
        --jit) kind=jit ;;
        --warnings) kind=aot-check ;;
        --force) force=1 ;;
        *)
            echo "publish-aot.sh: unknown argument: $arg" >&2
            exit 2
            ;;
    esac
done

if [[ $kind == aot ]]; then
    ((force)) && exec "$repo/scripts/publish-aot.sh" --force
    exec "$repo/scripts/publish-aot.sh"
elif [[ $kind == aot-check ]]; then
    exec "$repo/scripts/publish-aot.sh" --force # it always fails on a trim/AOT warning
fi

out=$repo/artifacts/$kind
binary=$out/smtpconsole
stamp=$out/.source-hash

source_hash() {
    (
        cd "$repo"
        find src profiles -type f \( -path '*/bin/*' -o -path '*/obj/*' \) -prune -o -type f -print | LC_ALL=C sort |
            xargs -d '\n' sha256sum
        sha256sum Directory.Build.props global.json bench/publish-aot.sh
        dotnet --version
        echo "$kind"
    ) | sha256sum | cut -c1-64
}

mkdir -p "$repo/artifacts"
exec 9>"$repo/artifacts/.publish-$kind.lock"
flock 9 # one publish at a time per kind (CI and a developer's run.sh may overlap)

hash=$(source_hash)
if ((!force)) && [[ -x $binary && -f $stamp && $(cat "$stamp") == "$hash" ]]; then
    echo "publish-aot.sh: $kind build is up to date ($binary)" >&2
    echo "$binary"
    exit 0
fi

args=(-c Release)

tmp=$out.tmp
rm -rf "$tmp"
log=$repo/artifacts/publish-$kind.log
echo "publish-aot.sh: publishing the $kind build (log: $log)…" >&2
start=$(date +%s%N)
if ! dotnet publish "$repo/src/SmtpConsole" "${args[@]}" -o "$tmp" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "publish-aot.sh: dotnet publish failed" >&2
    exit 1
fi
if grep -E 'warning IL[23][0-9]{3}' "$log" >&2; then
    echo "publish-aot.sh: the publish printed trim/AOT warnings (above)" >&2
    exit 1
fi
rm -rf "$out"
mv "$tmp" "$out"
echo "$hash" >"$stamp"
echo "publish-aot.sh: $kind build published in $((($(date +%s%N) - start) / 1000000)) ms, $(du -h "$binary" | cut -f1) binary" >&2
echo "$binary"
