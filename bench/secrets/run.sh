#!/usr/bin/env bash
# bench/secrets/run.sh - clad secrets against gitleaks: wall time, peak
# memory, recall and precision, side by side, with clad/gitleaks ratios.
#
# Usage: bench/secrets/run.sh [small|full]      (SMALL=1 = small)
#
# Targets, each scanned by both tools in the same run:
#   corpus      the serverless monorepo of ../shared/bench/make-corpus.sh
#               (both tools skip node_modules there: clad's walker by default,
#               gitleaks by its default allowlist)
#   labelled    format-valid fake secrets and hard look-alikes in realistic
#               files, written by bench/secrets/gen with a ground truth:
#               recall and precision
#   node_modules  the installed dependencies of the corpus (clad with
#               --no-default-skips, gitleaks with its default config minus the
#               node_modules allowlist): findings in pristine popular packages
#
# Everything is written under $WORK (default /tmp/clad-bench-secrets), never in
# the repository. gitleaks is built outside the repository with go install.
#
# Environment:
#   WORK          work directory (default /tmp/clad-bench-secrets)
#   REPEAT        timed runs per tool and target (default 3; node_modules: 1)
#   GITLEAKS      a gitleaks binary to use (default: built into $WORK/gitleaks-bin)
#   GITLEAKS_VERSION  version to build (default v8.30.1)
#   CORPUS_SCRIPT make-corpus.sh (default ../shared/bench/make-corpus.sh beside the repo)
#   PROJECTS      projects in the labelled corpus (default 12 small, 60 full)
#   NODE_MODULES  0 skips the node_modules target (slow for gitleaks)
#   SKIP_NPM      passed to make-corpus.sh (1 = no node_modules at all)
set -euo pipefail
export LC_ALL=C

MODE=${1:-full}
if [[ "${SMALL:-0}" == 1 ]]; then MODE=small; fi
case $MODE in small|full) ;; *) echo "usage: $0 [small|full]" >&2; exit 2 ;; esac

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)
WORK=${WORK:-/tmp/clad-bench-secrets}
REPEAT=${REPEAT:-3}
GITLEAKS_VERSION=${GITLEAKS_VERSION:-v8.30.1}
CORPUS_SCRIPT=${CORPUS_SCRIPT:-$REPO/../shared/bench/make-corpus.sh}
NODE_MODULES=${NODE_MODULES:-1}
if [[ $MODE == small ]]; then PROJECTS=${PROJECTS:-12}; else PROJECTS=${PROJECTS:-60}; fi
case $WORK in "$REPO"|"$REPO"/*) echo "WORK must be outside the repository" >&2; exit 2 ;; esac

OUT=$WORK/results-$MODE
mkdir -p "$WORK/bin" "$OUT"
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }

echo "== building clad"
(cd "$REPO" && go build -o "$WORK/bin/clad" ./cmd/clad)
CLAD=$WORK/bin/clad

echo "== gitleaks"
if [[ -z ${GITLEAKS:-} ]]; then
  GITLEAKS=$WORK/gitleaks-bin/gitleaks
  if [[ ! -x $GITLEAKS ]]; then
    (cd "$WORK" && GOBIN="$WORK/gitleaks-bin" go install "github.com/zricethezav/gitleaks/v8@$GITLEAKS_VERSION")
  fi
fi
GL_VERSION=$("$GITLEAKS" version 2>/dev/null || true)
case $GL_VERSION in v[0-9]*) ;; *) GL_VERSION="$GITLEAKS_VERSION (go install)" ;; esac
echo "gitleaks $GL_VERSION: $GITLEAKS"
GL_DEFAULT=$(cd "$WORK" && go env GOMODCACHE)/github.com/zricethezav/gitleaks/v8@$GITLEAKS_VERSION/config/gitleaks.toml
GL_NM_CONFIG=$WORK/gitleaks-with-node_modules.toml
if [[ -f $GL_DEFAULT ]]; then
  # the default rules and allowlists, minus the one that skips node_modules
  grep -v "node_modules(?:/" "$GL_DEFAULT" > "$GL_NM_CONFIG"
else
  NODE_MODULES=0
  echo "(gitleaks default config not found in the module cache: node_modules target skipped)"
fi

echo "== benchmark corpus ($MODE)"
CORPUS_DIR=$WORK/corpus-$MODE
if [[ $MODE == small ]]; then
  bash "$CORPUS_SCRIPT" "$CORPUS_DIR" small | tail -4
else
  bash "$CORPUS_SCRIPT" "$CORPUS_DIR" | tail -4
fi
CORPUS=$CORPUS_DIR/monorepo

echo "== labelled corpus ($PROJECTS projects)"
(cd "$REPO" && go run ./bench/secrets/gen -out "$WORK/labelled-$MODE" -projects "$PROJECTS")
LABELLED=$WORK/labelled-$MODE/corpus

# run_clad NAME TARGET N [flags]: one clad run, timed into $OUT/NAME.clad.N.time
run_clad() {
  local name=$1 target=$2 n=$3; shift 3
  "$TIME" -v -o "$OUT/$name.clad.$n.time" "$CLAD" secrets "$target" --format json --quiet --fail-on none "$@" \
    > "$OUT/$name.clad.json"
}

# run_gitleaks NAME TARGET N [flags]
run_gitleaks() {
  local name=$1 target=$2 n=$3; shift 3
  "$TIME" -v -o "$OUT/$name.gitleaks.$n.time" "$GITLEAKS" dir "$target" --no-banner --log-level error \
    --exit-code 0 --report-format json --report-path "$OUT/$name.gitleaks.json" "$@" > /dev/null
}

# measure NAME TARGET REPEAT CLAD_FLAGS GITLEAKS_FLAGS: a warm-up run of each
# tool (page cache), then REPEAT timed runs, alternating the tools.
measure() {
  local name=$1 target=$2 repeat=$3 cflags=$4 gflags=$5 i ct="" gt=""
  # shellcheck disable=SC2086
  {
    run_clad "$name" "$target" 0 $cflags
    if (( repeat > 1 )); then run_gitleaks "$name" "$target" 0 $gflags; fi
    for (( i = 1; i <= repeat; i++ )); do
      run_clad "$name" "$target" "$i" $cflags
      run_gitleaks "$name" "$target" "$i" $gflags
      ct+="${ct:+,}$OUT/$name.clad.$i.time"
      gt+="${gt:+,}$OUT/$name.gitleaks.$i.time"
    done
  }
  echo "$ct|$gt"
}

score() { (cd "$REPO" && go run ./bench/secrets/score "$@"); }

echo "== measuring (REPEAT=$REPEAT)"
IFS='|' read -r CT GT < <(measure corpus "$CORPUS" "$REPEAT" "" "")
IFS='|' read -r LT LGT < <(measure labelled "$LABELLED" "$REPEAT" "" "")
if [[ $NODE_MODULES == 1 ]] && find "$CORPUS" -maxdepth 1 -name node_modules -type d | grep -q .; then
  IFS='|' read -r NT NGT < <(measure node_modules "$CORPUS" 1 "--no-default-skips" "--config $GL_NM_CONFIG")
fi

{
  echo "clad secrets vs gitleaks $GL_VERSION, $MODE mode, $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "corpus: $CORPUS ($(find "$CORPUS" -type f -not -path '*/node_modules/*' | wc -l) files outside node_modules," \
    "$(find "$CORPUS" -type f | wc -l) with them)"
  score -name "benchmark corpus (node_modules skipped by both)" -root "$CORPUS" \
    -clad "$OUT/corpus.clad.json" -gitleaks "$OUT/corpus.gitleaks.json" -clad-time "$CT" -gitleaks-time "$GT"
  score -name "labelled secrets corpus" -root "$LABELLED" -truth "$WORK/labelled-$MODE/truth.json" \
    -clad "$OUT/labelled.clad.json" -gitleaks "$OUT/labelled.gitleaks.json" -clad-time "$LT" -gitleaks-time "$LGT"
  if [[ -n ${NT:-} ]]; then
    score -name "node_modules of the corpus (findings under node_modules/ only; one timed run)" -root "$CORPUS" \
      -under node_modules/ -show 40 \
      -clad "$OUT/node_modules.clad.json" -gitleaks "$OUT/node_modules.gitleaks.json" -clad-time "$NT" -gitleaks-time "$NGT"
  fi
} | tee "$OUT/report.txt"
echo
echo "report: $OUT/report.txt"
