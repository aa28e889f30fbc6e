#!/usr/bin/env bash
# The one Native AOT publish of smtpconsole (test.sh, run.sh and bench/ use it): publishes to artifacts/aot/ when the
# sources changed since the last publish, then prints the binary's path on stdout (everything else goes to stderr).
# The publish fails when it printed any trim/AOT warning (IL2xxx/IL3xxx); the full output is in artifacts/publish-aot.log.
# Needs clang and zlib1g-dev (Debian); exits 3 when they are missing.
#
# usage: scripts/publish-aot.sh [--force]     --force publishes even when the sources are unchanged
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$repo/artifacts/aot
binary=$out/smtpconsole
log=$repo/artifacts/publish-aot.log
force=0
for arg in "$@"; do
    case $arg in
        --force) force=1 ;;
        *)
            echo "publish-aot: unknown argument: $arg" >&2
            exit 2
            ;;
    esac
done

if ! command -v clang >/dev/null 2>&1 || ! { [[ -e /usr/include/zlib.h ]] || ldconfig -p 2>/dev/null | grep -q 'libz\.so '; }; then
    echo "publish-aot: Native AOT needs clang and zlib1g-dev (apt-get install -y clang zlib1g-dev)" >&2
    exit 3
fi

mkdir -p "$repo/artifacts"
exec 9>"$repo/artifacts/.publish-aot.lock"
flock 9 # one publish at a time (CI and a developer's run.sh may overlap)

# The stamp covers everything that goes into the binary, so an unchanged tree reuses the last publish.
stamp=$(cd "$repo" && find src profiles Directory.Build.props Directory.Packages.props global.json -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.xml' -o -name '*.resx' \) \
    -not -path '*/obj/*' -not -path '*/bin/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if ((!force)) && [[ -x $binary && -f $out/.stamp && $(cat "$out/.stamp") == "$stamp" ]]; then
    echo "$binary"
    exit 0
fi

echo "publish-aot: building the Native AOT binary (about a minute the first time; log: $log)…" >&2
if ! dotnet publish "$repo/src/SmtpConsole/SmtpConsole.csproj" -c Release -r linux-x64 -p:PublishAot=true \
    -o "$out" --nologo </dev/null >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "publish-aot: dotnet publish failed" >&2
    exit 1
fi
if grep -E 'warning IL[23][0-9]{3}' "$log" | sort -u >&2; then
    echo "publish-aot: the publish printed trim/AOT warnings (above)" >&2
    rm -f "$out/.stamp"
    exit 1
fi
echo "$stamp" >"$out/.stamp"
echo "$binary"
