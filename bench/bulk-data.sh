#!/usr/bin/env bash
# Bulk DATA: `smtpconsole replay` (AOT) streaming a 100 MB message with /data @FILE to Postfix's smtp-sink, against
# socat piping the exact wire bytes (EHLO, MAIL, RCPT, DATA, the dot-stuffed body, '.', QUIT) built beforehand.
# Target: ≥ 90 % of socat's throughput. Then peak RSS (/usr/bin/time -v) for 10 MB vs 100 MB: flat = streamed.
# usage: bench/bulk-data.sh [SIZE_MB]   (env: ROUNDS=10)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
size_mb=${1:-100}
load_servers
bin=$(aot_binary)
machine

make_files() { # MB -> $work/body-N.eml, $work/wire-N.bin, $work/bulk-N.smtp
    local mb=$1
    [[ -s $work/wire-$mb.bin && -s $work/body-$mb.eml ]] && return
    python3 - "$mb" "$work" "$from" "$to" <<'PY'
import random, sys
mb, work, sender, rcpt = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rnd = random.Random(42)
words = b"the quick brown fox jumps over the lazy dog and then some more words to fill a line of mail text "
lines = [f"From: {sender}\r\nTo: {rcpt}\r\nSubject: bulk {mb} MB\r\n\r\n".encode()]
size = len(lines[0])
while size < mb * 1_000_000:
    n = rnd.randrange(0, 77)
    start = rnd.randrange(0, len(words) - 1)
    text = (words[start:] + words * 2)[:n]
    if rnd.randrange(50) == 0:
        text = b"." + text
    line = text + b"\r\n"
    lines.append(line)
    size += len(line)
body = b"".join(lines)
with open(f"{work}/body-{mb}.eml", "wb") as f:
    f.write(body)
stuffed = b"".join(b"." + l if l.startswith(b".") else l for l in lines)
head = f"EHLO bench.example.test\r\nMAIL FROM:<{sender}>\r\nRCPT TO:<{rcpt}>\r\nDATA\r\n".encode()
with open(f"{work}/wire-{mb}.bin", "wb") as f:
    f.write(head + stuffed + b".\r\nQUIT\r\n")
PY
    printf 'EHLO bench.example.test\nMAIL FROM:<%s>\nRCPT TO:<%s>\n/data @%s\nQUIT\n' "$from" "$to" "$work/body-$mb.eml" >"$work/bulk-$mb.smtp"
}

make_files "$size_mb"
make_files 10
bytes=$(stat -c %s "$work/body-$size_mb.eml")
wire=$(stat -c %s "$work/wire-$size_mb.bin")
echo "message: $bytes bytes; wire bytes for socat: $wire"

python3 "$bench/alt.py" -n "$rounds" -w 1 --unit ms --title "bulk DATA: $((bytes / 1000000)) MB message to smtp-sink $host:$port_sink" \
    --json "$results/bulk-data.json" --ratio socat/smtpconsole \
    "smtpconsole=$bin replay $work/bulk-$size_mb.smtp --host $host --port $port_sink --plain" \
    "socat=socat -t 60 STDIO TCP:$host:$port_sink < $work/wire-$size_mb.bin"
python3 - "$results/bulk-data.json" "$bytes" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); size = int(sys.argv[2])
t = {c["label"]: c["median"] / 1000 for c in r["commands"]}
mbs = {k: size / v / 1e6 for k, v in t.items()}
print(f"throughput (median): smtpconsole {mbs['smtpconsole']:.0f} MB/s, socat {mbs['socat']:.0f} MB/s; "
      f"smtpconsole reaches {100 * mbs['smtpconsole'] / mbs['socat']:.0f} % of socat (target >= 90 %)")
PY

echo "peak RSS (median of 3, /usr/bin/time -v):"
for mb in 10 "$size_mb"; do
    rss=()
    for _ in 1 2 3; do
        rss+=("$(/usr/bin/time -v "$bin" replay "$work/bulk-$mb.smtp" --host "$host" --port "$port_sink" --plain 2>&1 >/dev/null |
            sed -n 's/.*Maximum resident set size (kbytes): //p')")
    done
    median=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n 2p)
    echo "  $mb MB message: ${median} KiB peak RSS (runs: ${rss[*]})"
    echo "$mb $median" >>"$work/rss.txt"
done
