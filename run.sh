#!/usr/bin/env bash
# THE run command: the TUI on the built-in practice server (or whatever arguments you pass, e.g.
# ./run.sh smtp.example.com 587 --starttls). Uses the Native AOT binary for an instant start; falls back to
# `dotnet run` when the AOT toolchain (clang, zlib1g-dev) is missing.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if binary=$("$repo/scripts/publish-aot.sh"); then
    exec "$binary" "$@"
fi
echo "run.sh: falling back to a JIT build (slower start)" >&2
exec dotnet run --project "$repo/src/SmtpConsole/SmtpConsole.csproj" -c Release -- "$@"
