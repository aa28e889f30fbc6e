#!/usr/bin/env bash
# Builds the self-contained Native AOT release tarball for linux-x64:
#   artifacts/release/smtpconsole-<version>-linux-x64.tar.gz
# holding smtpconsole-<version>-linux-x64/{smtpconsole, profiles/, README.md, LICENSE (when the repository has one),
# completion/smtpconsole.bash, completion/_smtpconsole, install.txt}.
# Needs the .NET SDK, clang and zlib1g-dev; no network once the NuGet packages are in the local cache (the same
# restore `./run.sh` and the tests do). The binary needs no .NET runtime on the target machine.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/src/SmtpConsole/SmtpConsole.csproj" | head -1)
[[ -n $version ]] || { echo "release: no <Version> in src/SmtpConsole/SmtpConsole.csproj" >&2; exit 2; }
name=smtpconsole-$version-linux-x64
out=$repo/artifacts/release
stage=$out/$name

# publish-aot.sh reuses an up-to-date binary and explains missing clang/zlib itself (exit 3).
binary=$("$repo/scripts/publish-aot.sh")

rm -rf "$stage" "$out/$name.tar.gz"
mkdir -p "$stage/profiles" "$stage/completion"
install -m 755 "$binary" "$stage/smtpconsole"
install -m 644 "$repo"/profiles/*.json "$stage/profiles/"
install -m 644 "$repo/README.md" "$stage/README.md"
install -m 644 "$repo/scripts/completion/smtpconsole.bash" "$repo/scripts/completion/_smtpconsole" "$stage/completion/"
licence=
for candidate in LICENSE LICENSE.md LICENSE.txt COPYING; do
    if [[ -f $repo/$candidate ]]; then
        install -m 644 "$repo/$candidate" "$stage/$candidate"
        licence=$candidate
        break
    fi
done
[[ -n $licence ]] || echo "release: warning: the repository has no LICENSE file; the tarball ships without one" >&2
cat >"$stage/install.txt" <<TXT
smtpconsole $version for Linux x64 (self-contained; no .NET needed)

  mkdir -p ~/.local/bin && cp smtpconsole ~/.local/bin/ && cp -r profiles ~/.local/bin/
  bash: cp completion/smtpconsole.bash ~/.local/share/bash-completion/completions/smtpconsole
  zsh:  cp completion/_smtpconsole ~/.zsh/completions/   (a directory on \$fpath), then compinit

The shipped profiles are read from the profiles/ folder next to the binary.
TXT

# A tarball whose bytes depend only on the inputs: fixed owner, order and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='@0' -C "$out" -czf "$out/$name.tar.gz" "$name"
"$stage/smtpconsole" --version >/dev/null
echo "$out/$name.tar.gz"
