#!/bin/sh
# A launcher, as servers often have: starts java in the background and waits for it.
"$1" "$3" --port="$2" --pid-file="$(dirname "$0")/target/java.pid" &
wait
