#!/usr/bin/env bash
# Whole-build benchmark against Hugo (issue 6). For each size N it generates
# the same corpus for both tools (examples/gen_site.rs, then
# examples/hugo_site.rs for Hugo's copy), and reports the median wall time
# of RUNS builds and the peak memory (max RSS) of the slowest of them:
#   - launchpad "cards cached": a second build after `rm -rf public`, the
#     share-card cache already filled (the issue's target, at most 0.4x Hugo's
#     time and 0.33x its memory at 10,000 stories);
#   - launchpad "cold": no cache at all, so every share card is drawn;
#   - Hugo, when `hugo` is installed, built the same way after `rm -rf public`.
# Then the cost per share card (CPU seconds of a cold build minus a cached
# one, over the cards drawn) and the 1,000 -> 10,000 growth.
# Photos are benchmarked by scripts/bench-images.sh.
#
# Usage: scripts/bench.sh [RUNS] [SIZES...]     (defaults: 5, 1000 10000)
# BENCH_DIR (default /tmp/launchpad-bench) holds the generated sites.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
sizes=${*:-1000 10000}
work=${BENCH_DIR:-/tmp/launchpad-bench}
mkdir -p "$work"

cargo build --release --quiet
cargo build --release --quiet --example gen_site --example hugo_site
bin=$PWD/target/release/launchpad
examples=$PWD/target/release/examples
have_hugo=$(command -v hugo >/dev/null && echo yes || echo no)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
max() { sort -n | tail -1; }

# Runs "$@" RUNS times after `prepare`; prints "median_seconds max_rss_mb".
measure() { # $1 name, $2 prepare command, rest: the build
  local name=$1 prepare=$2
  shift 2
  : > "$work/$name.times"
  : > "$work/$name.rss"
  for _ in $(seq "$runs"); do
    eval "$prepare"
    sync
    /usr/bin/time -f '%e %M %U %S' -o "$work/time.out" "$@" > "$work/$name.log" 2>&1 ||
      { echo "$name failed; see $work/$name.log" >&2; exit 1; }
    read -r secs rss user sys < "$work/time.out"
    echo "$secs" >> "$work/$name.times"
    echo "$((rss / 1024))" >> "$work/$name.rss"
    echo "$user $sys" > "$work/$name.cpu"
  done
  echo "$(median < "$work/$name.times") $(max < "$work/$name.rss")"
}

ratio() { echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; }

declare -A warm_time
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); hugo: $(hugo version 2>/dev/null | cut -d' ' -f2 || echo none)"
echo
echo "| stories | launchpad, cards cached | launchpad, cold | Hugo | time ratio (cached / Hugo) | memory ratio (cached / Hugo) |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
  site="$work/site-$n"
  hugo_site="$work/hugo-$n"
  "$examples/gen_site" --stories "$n" --photos 0 --seed 42 "$site" > /dev/null 2>&1
  "$examples/hugo_site" "$site" "$hugo_site" > /dev/null

  read -r cold_t cold_m < <(measure "cold-$n" "rm -rf '$site/public' '$site/.launchpad-cache'" "$bin" build --root "$site")
  read -r cold_user cold_sys < "$work/cold-$n.cpu"
  cards=$(grep -o '[0-9]* cards processed' "$work/cold-$n.log" | cut -d' ' -f1)
  read -r warm_t warm_m < <(measure "warm-$n" "rm -rf '$site/public'" "$bin" build --root "$site")
  read -r warm_user warm_sys < "$work/warm-$n.cpu"
  warm_time[$n]=$warm_t
  card_ms=$(echo "scale=1; ($cold_user + $cold_sys - $warm_user - $warm_sys) * 1000 / $cards" | bc)

  if [ "$have_hugo" = yes ]; then
    read -r hugo_t hugo_m < <(measure "hugo-$n" "rm -rf '$hugo_site/public'" hugo --quiet --source "$hugo_site")
    hugo_pages=$(find "$hugo_site/public" -name '*.html' | wc -l)
    echo "| $n | ${warm_t} s, ${warm_m} MB | ${cold_t} s, ${cold_m} MB | ${hugo_t} s, ${hugo_m} MB ($hugo_pages pages) | $(ratio "$warm_t" "$hugo_t")x | $(ratio "$warm_m" "$hugo_m")x |"
  else
    echo "| $n | ${warm_t} s, ${warm_m} MB | ${cold_t} s, ${cold_m} MB | (hugo not installed) | | |"
  fi
  pages=$(grep -o 'Built [0-9]* pages' "$work/warm-$n.log" | cut -d' ' -f2)
  echo "|   | $pages pages; $cards cards drawn cold, ${card_ms} ms CPU per card | | | | |"
done
set -- $sizes
if [ $# -ge 2 ]; then
  first=$1
  last=${!#}
  echo
  echo "launchpad (cards cached) from $first to $last stories: $(ratio "${warm_time[$last]}" "${warm_time[$first]}")x the time"
fi
