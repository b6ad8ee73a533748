#!/usr/bin/env bash
# Image benchmark: 200 photos of 1600x1200 to 3 widths x 2 formats (JPEG and
# WebP), cold (empty cache) and warm, for launchpad and, when installed
# (apt-get install -y hugo), for Hugo doing the same resizing of the same
# photos. Prints a Markdown table. Usage: scripts/bench-images.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
photos=${PHOTOS:-200}
work=${BENCH_DIR:-/tmp/launchpad-bench-images}

cargo build --release --quiet
cargo run --release --quiet --example gen_site -- --stories "$photos" --photos "$photos" --seed 42 "$work/site" 2>/dev/null
bin=$PWD/target/release/launchpad

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# launchpad: wall time of the build, and of its photo stage alone
# (LAUNCHPAD_TIMINGS), since a build also renders a share card per story.
lp_run() { # $1 = cold|warm
  [ "$1" = cold ] && rm -rf "$work/site/.launchpad-cache"
  rm -rf "$work/site/public"
  local out start end
  start=$(date +%s.%N)
  out=$(LAUNCHPAD_TIMINGS=1 "$bin" build --root "$work/site" 2>&1)
  end=$(date +%s.%N)
  printf '%.2f %s\n' "$(echo "$end - $start" | bc)" "$(echo "$out" | grep -o 'photos [0-9.]* s' | awk '{printf "%.2f", $2}')"
}
for kind in cold warm; do
  [ "$kind" = warm ] && lp_run cold >/dev/null
  : > "$work/lp-$kind"
  for _ in $(seq "$runs"); do lp_run "$kind" >> "$work/lp-$kind"; done
done
lp_cold=$(cut -d' ' -f1 "$work/lp-cold" | median); lp_cold_photos=$(cut -d' ' -f2 "$work/lp-cold" | median)
lp_warm=$(cut -d' ' -f1 "$work/lp-warm" | median); lp_warm_photos=$(cut -d' ' -f2 "$work/lp-warm" | median)

hugo_cold=""; hugo_warm=""
if command -v hugo >/dev/null 2>&1; then
  h="$work/hugo"
  rm -rf "$h" && mkdir -p "$h/layouts/_default"
  cat > "$h/config.toml" <<'TOML'
baseURL = "https://careers.example.com/alumni/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[imaging]
resampleFilter = "Lanczos"
quality = 82
TOML
  echo '{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}' > "$h/layouts/_default/list.html"
  cat > "$h/layouts/_default/single.html" <<'HTML'
{{ with .Resources.GetMatch "photo.jpg" }}{{ $img := . }}{{ range slice 480 960 1440 }}
<img src="{{ ($img.Resize (printf "%dx jpg q82" .)).RelPermalink }}"><img src="{{ ($img.Resize (printf "%dx webp q80" .)).RelPermalink }}">{{ end }}{{ end }}
HTML
  while read -r p; do
    slug=$(basename "$(dirname "$p")")
    mkdir -p "$h/content/stories/$slug"
    cp "$work/site/$p" "$h/content/stories/$slug/photo.jpg"
    printf -- '---\ntitle: "%s"\n---\nA story.\n' "$slug" > "$h/content/stories/$slug/index.md"
  done < "$work/site/photos.txt"
  hugo_run() { # $1 = cold|warm
    [ "$1" = cold ] && rm -rf "$h/resources" "$h/.cache"
    rm -rf "$h/public"
    local start end
    start=$(date +%s.%N)
    hugo --quiet --source "$h" --cacheDir "$h/.cache" >/dev/null
    end=$(date +%s.%N)
    printf '%.2f\n' "$(echo "$end - $start" | bc)"
  }
  for kind in cold warm; do
    [ "$kind" = warm ] && hugo_run cold >/dev/null
    : > "$work/hugo-$kind"
    for _ in $(seq "$runs"); do hugo_run "$kind" >> "$work/hugo-$kind"; done
  done
  hugo_cold=$(median < "$work/hugo-cold"); hugo_warm=$(median < "$work/hugo-warm")
fi

ratio() { [ -n "$2" ] && printf '%.3f' "$(echo "scale=4; $1 / $2" | bc)" || echo "n/a"; }
echo
echo "$photos photos of 1600x1200 to 480/960/1440 px, JPEG q82 + WebP q80, median of $runs runs, $(nproc) cores"
echo
echo "| | launchpad build | launchpad photo stage | Hugo ($(hugo version 2>/dev/null | grep -o 'v[0-9.]*' || echo 'not installed')) | photo stage / Hugo |"
echo "|---|---|---|---|---|"
echo "| cold | ${lp_cold} s | ${lp_cold_photos} s | ${hugo_cold:-n/a} s | $(ratio "$lp_cold_photos" "$hugo_cold") |"
echo "| warm | ${lp_warm} s | ${lp_warm_photos} s | ${hugo_warm:-n/a} s | $(ratio "$lp_warm_photos" "$hugo_warm") |"
echo
echo "warm / cold (launchpad build): $(ratio "$lp_warm" "$lp_cold")"

# Share cards with a photo: the CPU time of a build that draws every card
# (photos already cached) minus that of a build that draws none, per card.
cpu() { /usr/bin/time -f '%U %S' -o "$work/cpu.out" "$bin" build --root "$work/site" > "$work/build.log" 2>&1; awk '{print $1 + $2}' "$work/cpu.out"; }
rm -rf "$work/site/public" "$work/site/.launchpad-cache/cards"
drawing=$(cpu)
cards=$(grep -o '[0-9]* cards processed' "$work/build.log" | cut -d' ' -f1)
rm -rf "$work/site/public"
cached=$(cpu)
echo "share cards with a photo: $(echo "scale=1; ($drawing - $cached) * 1000 / $cards" | bc) ms of CPU each ($cards drawn)"
