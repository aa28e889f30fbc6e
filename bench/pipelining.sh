#!/usr/bin/env bash
# Pipelining: 10,000 RCPT commands in one /pipeline group (one write; replies paired as they arrive) to Postfix's
# smtp-sink, against socat writing the same command bytes. Reports commands/second for both and the ratio.
# Target (issue 16): ≥ 300,000 commands/s end to end. usage: bench/pipelining.sh [COUNT]   (env: ROUNDS=20)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
count=${1:-10000}
rounds=${ROUNDS:-20}
load_servers
bin=$(aot_binary)
machine

script=$work/pipeline-$count.smtp
wire=$work/pipeline-$count.bin
python3 - "$count" "$script" "$wire" "$from" <<'PY'
import sys
count, script, wire, sender = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rcpts = [f"RCPT TO:<rcpt{i}@example.test>" for i in range(count)]
with open(script, "w") as f:
    f.write("EHLO bench.example.test\n/pipeline\n" + f"MAIL FROM:<{sender}>\n" + "".join(r + "\n" for r in rcpts) + "/end\nQUIT\n")
with open(wire, "wb") as f:
    f.write(("EHLO bench.example.test\r\n" + f"MAIL FROM:<{sender}>\r\n" + "".join(r + "\r\n" for r in rcpts) + "QUIT\r\n").encode())
PY
commands=$((count + 3))
echo "$commands commands ($count RCPT pipelined after MAIL), $(stat -c %s "$wire") bytes"

python3 "$bench/alt.py" -n "$rounds" -w 1 --title "pipelining: $count RCPT in one group to smtp-sink $host:$port_sink" \
    --json "$results/pipelining.json" --ratio socat/smtpconsole \
    "smtpconsole=$bin replay $script --host $host --port $port_sink --plain" \
    "socat=socat -t 60 STDIO TCP:$host:$port_sink < $wire"
python3 - "$results/pipelining.json" "$commands" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n = int(sys.argv[2])
t = {c["label"]: c["median"] / 1000 for c in r["commands"]}
print(f"commands/second (whole process, median): smtpconsole {n / t['smtpconsole']:,.0f}, socat {n / t['socat']:,.0f}; "
      f"smtpconsole at {100 * t['socat'] / t['smtpconsole']:.0f} % of socat's rate")
PY
