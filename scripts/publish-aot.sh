#!/usr/bin/env bash
# Publishes the Native AOT smtpconsole to artifacts/aot/ when the sources changed since the last publish,
# then prints the binary's path. Needs clang and zlib1g-dev (Debian); exits 3 when they are missing.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$repo/artifacts/aot
binary=$out/smtpconsole

if ! command -v clang >/dev/null 2>&1 || ! { [[ -e /usr/include/zlib.h ]] || ldconfig -p 2>/dev/null | grep -q 'libz\.so '; }; then
    echo "publish-aot: Native AOT needs clang and zlib1g-dev (apt-get install -y clang zlib1g-dev)" >&2
    exit 3
fi

# The stamp covers everything that goes into the binary, so an unchanged tree reuses the last publish.
stamp=$(cd "$repo" && find src profiles Directory.Build.props global.json -type f \
    \( -name '*.cs' -o -name '*.csproj' -o -name '*.json' -o -name '*.props' -o -name '*.xml' \) \
    -not -path '*/obj/*' -not -path '*/bin/*' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
if [[ -x $binary && -f $out/.stamp && $(cat "$out/.stamp") == "$stamp" ]]; then
    echo "$binary"
    exit 0
fi

echo "publish-aot: building the Native AOT binary (about a minute the first time)…" >&2
dotnet publish "$repo/src/SmtpConsole/SmtpConsole.csproj" -c Release -r linux-x64 -p:PublishAot=true \
    -o "$out" --nologo -v quiet </dev/null >&2
echo "$stamp" >"$out/.stamp"
echo "$binary"
