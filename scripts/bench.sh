#!/usr/bin/env bash
# Whole-build benchmark against Hugo (issue 6). For each size N it generates
# the same corpus for both tools (examples/gen_site.rs, then
# examples/hugo_site.rs for Hugo's copy), and reports the median wall time
# of RUNS builds and the highest peak memory (max RSS) among them, the sizes
# taking turns run by run:
#   - launchpad "cards cached": a second build after `rm -rf public`, the
#     share-card cache already filled (the issue's target, at most 0.4x Hugo's
#     time and 0.33x its memory at 10,000 stories);
#   - launchpad "cold": no cache at all, so every share card is drawn;
#   - Hugo, when `hugo` is installed, built the same way after `rm -rf public`.
# Then the cost per share card (CPU seconds of a cold build minus a cached
# one, over the cards drawn) and the 1,000 -> 10,000 growth.
# Photos are benchmarked by scripts/bench-images.sh.
#
# "After rm -rf public": before each build the previous output (and, for a
# cold build, the cache) is moved into BENCH_DIR/trash, which is deleted
# when the script ends; the build finds no output either way. Deleting
# 25,000 files just before a build is not part of either tool's work, and
# on ext4 without a journal (this machine's disk) it makes the next build
# pay for it: such a file system will not reuse an inode freed in the last
# minutes, and skips past every one of them on each file it creates, which
# grows with the square of the site. Set BENCH_RM=1 to delete in place
# instead and see that cost. On tmpfs the folders are deleted in place.
#
# Usage: scripts/bench.sh [RUNS] [SIZES...]     (defaults: 5, 1000 10000)
# BENCH_OPENINGS=O: instead, times warm builds (cards cached) of each size
# with O open positions against the same stories without any, taking
# turns, and prints the time and memory ratios (issue 13: within 5%).
# BENCH_LANGUAGES=TAG: instead, times warm builds of each size in one
# language against the same stories in two, every story translated into
# TAG (issue 16: at most 2.1x the time and 1.5x the memory). With
# BENCH_BASELINE=REV as well, the one-language site is also built by the
# launchpad of git revision REV (built once into BENCH_DIR/baseline), to
# show the one-language build is no slower than before.
# BENCH_DIR (default /tmp/launchpad-bench) holds the generated sites; they
# are made again only when the generator or its arguments change.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
sizes=${*:-1000 10000}
work=${BENCH_DIR:-/tmp/launchpad-bench}
mkdir -p "$work"
trash="$work/trash"
trap 'rm -rf "$trash"' EXIT
# In memory (tmpfs) nothing is slow to delete, and a trash would hold memory.
remove_in_place=${BENCH_RM:-$([ "$(stat -f -c %T "$work")" = tmpfs ] && echo 1 || echo 0)}

cargo build --release --quiet
cargo build --release --quiet --example gen_site --example hugo_site
bin=$PWD/target/release/launchpad
examples=$PWD/target/release/examples
have_hugo=$(command -v hugo >/dev/null && echo yes || echo no)

# Takes the named folders out of the way before a timed build.
clear_out() {
  local dir
  for dir in "$@"; do
    [ -e "$dir" ] || continue
    if [ "$remove_in_place" = 1 ]; then
      rm -rf "$dir"
    else
      mkdir -p "$trash"
      mv "$dir" "$(mktemp -d "$trash/XXXXXX")/"
    fi
  done
}

# Runs the generator unless DIR was made by the same generator source and
# arguments from the same input (KEY: the input's own stamp).
generate() { # $1 DIR, $2 KEY, rest: the command
  local dir=$1 key=$2 stamp
  shift 2
  stamp="$(sha256sum "examples/$(basename "$1").rs" | cut -c1-16) ${*:2} $key"
  if [ "$(cat "$dir.stamp" 2>/dev/null)" != "$stamp" ]; then
    "$@" > /dev/null 2>&1
    echo "$stamp" > "$dir.stamp"
  fi
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
max() { sort -n | tail -1; }

# One timed build after `prepare`: appends its wall time and peak memory to
# $work/NAME.times and .rss, and keeps its log and CPU times.
run_once() { # $1 name, $2 prepare command, rest: the build
  local name=$1 prepare=$2
  shift 2
  eval "$prepare"
  sync
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.out" "$@" > "$work/$name.log" 2>&1 ||
    { echo "$name failed; see $work/$name.log" >&2; exit 1; }
  read -r secs rss user sys < "$work/time.out"
  echo "$secs" >> "$work/$name.times"
  echo "$((rss / 1024))" >> "$work/$name.rss"
  echo "$user $sys" > "$work/$name.cpu"
}

# "median_seconds max_rss_mb" of NAME's runs.
summary() { echo "$(median < "$work/$1.times") $(max < "$work/$1.rss")"; }

ratio() { echo "scale=2; $1 / $2" | bc | sed 's/^\./0./'; }

if [ -n "${BENCH_OPENINGS:-}" ]; then
  echo "machine: $(nproc) cores; warm builds (cards cached), median of $runs, highest peak memory"
  echo
  echo "| stories | without openings | with $BENCH_OPENINGS openings | time ratio | memory ratio |"
  echo "|---|---|---|---|---|"
  for n in $sizes; do
    generate "$work/site-$n" "" "$examples/gen_site" --stories "$n" --photos 0 --seed 42 "$work/site-$n"
    generate "$work/open-$n" "" "$examples/gen_site" --stories "$n" --photos 0 --seed 42 --openings "$BENCH_OPENINGS" "$work/open-$n"
    for kind in site open; do
      # Untimed: fills the share-card cache.
      "$bin" build --root "$work/$kind-$n" > /dev/null 2>&1
      : > "$work/$kind-$n.times"; : > "$work/$kind-$n.rss"
    done
  done
  for _ in $(seq "$runs"); do
    for n in $sizes; do
      for kind in site open; do
        run_once "$kind-$n" "clear_out '$work/$kind-$n/public'" "$bin" build --root "$work/$kind-$n"
      done
    done
  done
  for n in $sizes; do
    read -r plain_t plain_m < <(summary "site-$n")
    read -r open_t open_m < <(summary "open-$n")
    echo "| $n | ${plain_t} s, ${plain_m} MB | ${open_t} s, ${open_m} MB | $(ratio "$open_t" "$plain_t")x | $(ratio "$open_m" "$plain_m")x |"
  done
  for n in $sizes; do
    echo "runs at $n: without $(sort -n "$work/site-$n.times" | tr '\n' ' '); with $(sort -n "$work/open-$n.times" | tr '\n' ' ')"
  done
  exit 0
fi

if [ -n "${BENCH_LANGUAGES:-}" ]; then
  kinds="site lang"
  if [ -n "${BENCH_BASELINE:-}" ]; then
    base_rev=$(git rev-parse --short "$BENCH_BASELINE")
    if [ ! -x "$work/baseline/$base_rev/launchpad" ]; then
      rm -rf "$work/baseline/src"
      git worktree add --detach "$work/baseline/src" "$base_rev" > /dev/null 2>&1
      (cd "$work/baseline/src" && CARGO_TARGET_DIR="$work/baseline/target" cargo build --release --quiet)
      mkdir -p "$work/baseline/$base_rev"
      cp "$work/baseline/target/release/launchpad" "$work/baseline/$base_rev/"
      git worktree remove --force "$work/baseline/src"
    fi
    kinds="$kinds base"
  fi
  echo "machine: $(nproc) cores; warm builds (cards cached), median of $runs, highest peak memory"
  echo
  echo "| stories | one language | two, every story translated into $BENCH_LANGUAGES | time ratio | memory ratio |${base_rev:+ one language, $base_rev | time ratio (now / $base_rev) |}"
  echo "|---|---|---|---|---|${base_rev:+---|---|}"
  for n in $sizes; do
    generate "$work/site-$n" "" "$examples/gen_site" --stories "$n" --photos 0 --seed 42 "$work/site-$n"
    generate "$work/lang-$n" "" "$examples/gen_site" --stories "$n" --photos 0 --seed 42 --translate "$BENCH_LANGUAGES" "$work/lang-$n"
    for kind in $kinds; do
      : > "$work/$kind-$n.times"; : > "$work/$kind-$n.rss"
    done
    # Untimed: fills the share-card caches. The baseline builds a copy of
    # the one-language site, with a cache of its own (its cards may differ).
    "$bin" build --root "$work/site-$n" > /dev/null 2>&1
    "$bin" build --root "$work/lang-$n" > /dev/null 2>&1
    if [ -n "${base_rev:-}" ]; then
      rm -rf "$work/base-site-$n" && mkdir -p "$work/base-site-$n"
      cp -r "$work/site-$n/content" "$work/base-site-$n/"
      "$work/baseline/$base_rev/launchpad" build --root "$work/base-site-$n" > /dev/null 2>&1
    fi
  done
  for _ in $(seq "$runs"); do
    for n in $sizes; do
      run_once "site-$n" "clear_out '$work/site-$n/public'" "$bin" build --root "$work/site-$n"
      run_once "lang-$n" "clear_out '$work/lang-$n/public'" "$bin" build --root "$work/lang-$n"
      if [ -n "${base_rev:-}" ]; then
        run_once "base-$n" "clear_out '$work/base-site-$n/public'" "$work/baseline/$base_rev/launchpad" build --root "$work/base-site-$n"
      fi
    done
  done
  for n in $sizes; do
    read -r one_t one_m < <(summary "site-$n")
    read -r two_t two_m < <(summary "lang-$n")
    line="| $n | ${one_t} s, ${one_m} MB | ${two_t} s, ${two_m} MB | $(ratio "$two_t" "$one_t")x | $(ratio "$two_m" "$one_m")x |"
    if [ -n "${base_rev:-}" ]; then
      read -r base_t base_m < <(summary "base-$n")
      line="$line ${base_t} s, ${base_m} MB | $(ratio "$one_t" "$base_t")x |"
    fi
    echo "$line"
  done
  for n in $sizes; do
    echo "runs at $n: one $(sort -n "$work/site-$n.times" | tr '\n' ' '); two $(sort -n "$work/lang-$n.times" | tr '\n' ' ')${base_rev:+; $base_rev $(sort -n "$work/base-$n.times" | tr '\n' ' ')}"
  done
  exit 0
fi

declare -A warm_time hugo_time
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); hugo: $(hugo version 2>/dev/null | cut -d' ' -f2 || echo none)"
echo
echo "| stories | launchpad, cards cached | launchpad, cold | Hugo | time ratio (cached / Hugo) | memory ratio (cached / Hugo) |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
  generate "$work/site-$n" "" "$examples/gen_site" --stories "$n" --photos 0 --seed 42 "$work/site-$n"
  generate "$work/hugo-$n" "$(cat "$work/site-$n.stamp")" "$examples/hugo_site" "$work/site-$n" "$work/hugo-$n"
done
kinds="cold warm"
[ "$have_hugo" = yes ] && kinds="$kinds hugo"
# Each kind of build RUNS times with the sizes taking turns, so that a slow
# spell of this shared machine falls on every size alike, not on one.
for kind in $kinds; do
  for n in $sizes; do : > "$work/$kind-$n.times"; : > "$work/$kind-$n.rss"; done
  for _ in $(seq "$runs"); do
    for n in $sizes; do
      site="$work/site-$n"
      case $kind in
        cold) run_once "cold-$n" "clear_out '$site/public' '$site/.launchpad-cache'" "$bin" build --root "$site" ;;
        warm) run_once "warm-$n" "clear_out '$site/public'" "$bin" build --root "$site" ;;
        hugo) run_once "hugo-$n" "clear_out '$work/hugo-$n/public'" hugo --quiet --source "$work/hugo-$n" ;;
      esac
    done
  done
done

for n in $sizes; do
  read -r cold_t cold_m < <(summary "cold-$n")
  read -r warm_t warm_m < <(summary "warm-$n")
  read -r cold_user cold_sys < "$work/cold-$n.cpu"
  read -r warm_user warm_sys < "$work/warm-$n.cpu"
  cards=$(grep -o '[0-9]* cards processed' "$work/cold-$n.log" | cut -d' ' -f1)
  card_ms=$(echo "scale=1; ($cold_user + $cold_sys - $warm_user - $warm_sys) * 1000 / $cards" | bc)
  warm_time[$n]=$warm_t
  if [ "$have_hugo" = yes ]; then
    read -r hugo_t hugo_m < <(summary "hugo-$n")
    hugo_time[$n]=$hugo_t
    hugo_pages=$(find "$work/hugo-$n/public" -name '*.html' | wc -l)
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
  if [ -n "${hugo_time[$last]:-}" ]; then
    echo "Hugo from $first to $last stories: $(ratio "${hugo_time[$last]}" "${hugo_time[$first]}")x the time"
  fi
  echo "launchpad runs, cards cached: $(for n in $sizes; do echo "$n: $(sort -n "$work/warm-$n.times" | tr '\n' ' ')"; done)"
fi
