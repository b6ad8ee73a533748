#!/usr/bin/env bash
# `launchpad serve` latency: time from saving a file to the reload event
# sent to the browser, for a story's body, a story's headline (which every
# listing that shows the story repeats) and a template, on generated sites of
# 1,000 and 10,000 stories. The debounce wait (120 ms) is included: it is
# part of what a user waits. Usage: scripts/bench-serve.sh [SAVES] [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
saves=${1:-5}
shift || true
sizes=${*:-1000 10000}
work=${BENCH_DIR:-/tmp/launchpad-bench-serve}
mkdir -p "$work"

cargo build --release --quiet
cargo build --release --quiet --example gen_site
bin=$PWD/target/release/launchpad
gen=$PWD/target/release/examples/gen_site

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Saves FILE with SED applied, and prints the seconds until the next reload.
time_save() { # $1 port, $2 file, $3 sed expression
  local events="$work/events.txt"
  : > "$events"
  curl -s -N "http://127.0.0.1:$1/__launchpad/events" > "$events" &
  local curl_pid=$!
  sleep 0.3
  local t0 t1
  t0=$(date +%s.%N)
  sed -i "$3" "$2"
  local deadline=$((SECONDS + 120))
  until grep -q '^event: reload' "$events"; do
    [ $SECONDS -lt $deadline ] || { echo "no reload within 120 s (see $work/serve-*.log)" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s.%N)
  kill "$curl_pid" 2>/dev/null || true
  wait "$curl_pid" 2>/dev/null || true
  printf '%.3f\n' "$(echo "$t1 - $t0" | bc)"
}

echo "| stories | story body saved -> reload | story headline saved -> reload | story.html saved -> reload |"
echo "|---|---|---|---|"
for n in $sizes; do
  site="$work/site-$n"
  "$gen" --stories "$n" --photos 0 --seed 42 "$site" 2>/dev/null
  mkdir -p "$site/themes/default/templates"
  cp themes/default/templates/story.html "$site/themes/default/templates/story.html"
  # Fill the image cache first, as a working site would have it.
  "$bin" build --root "$site" >/dev/null 2>&1
  "$bin" serve --root "$site" --port 0 > "$work/serve-$n.log" 2>&1 &
  serve_pid=$!
  until grep -q '^Serving' "$work/serve-$n.log"; do kill -0 "$serve_pid" || exit 1; sleep 0.1; done
  port=$(grep -o '127.0.0.1:[0-9]*' "$work/serve-$n.log" | head -1 | cut -d: -f2)
  : > "$work/body-$n"; : > "$work/story-$n"; : > "$work/template-$n"
  for i in $(seq "$saves"); do
    # The body's last line is the generator's closing paragraph.
    time_save "$port" "$site/content/stories/story-00000.md" "\$s/\$/ Edit $i./" >> "$work/body-$n"
    time_save "$port" "$site/content/stories/story-00000.md" "s/^headline: .*/headline: \"Edited $i\"/" >> "$work/story-$n"
    time_save "$port" "$site/themes/default/templates/story.html" "s|<h2 id=\"journey-heading\">[^<]*<|<h2 id=\"journey-heading\">Journey $i<|" >> "$work/template-$n"
  done
  kill -INT "$serve_pid"; wait "$serve_pid" || true
  echo "| $n | $(median < "$work/body-$n") s | $(median < "$work/story-$n") s | $(median < "$work/template-$n") s |"
done
