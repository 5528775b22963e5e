#!/usr/bin/env bash
# Builds the libFuzzer targets of the core (clang, ASan + UBSan) and runs each on its seed corpus.
#   run-fuzzers.sh [SECONDS]   seconds per target (default 15: CI runs the four in a minute)
# A crash, a leak, UB, a hang (10 s) or a broken invariant stops the run with the input that caused it, saved
# under build/fuzz/findings. The corpus grown by a run is kept in build/fuzz/corpus (not in the repository).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-15}"
bash packaging/install-deps.sh
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/findings
for target in fuzz_csv fuzz_readers fuzz_values fuzz_masking; do
  grown="build/fuzz/corpus/${target}"
  mkdir -p "${grown}"
  echo "== ${target}: ${seconds} s"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "build/fuzz/tests/fuzz/${target}" -max_total_time="${seconds}" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="build/fuzz/findings/${target}-" \
      "${grown}" "tests/fuzz/corpus/${target}" 2>&1 | grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|==|SUMMARY|ERROR|Done)" || true
  if ls build/fuzz/findings/"${target}"-* > /dev/null 2>&1; then
    echo "${target} found a problem: build/fuzz/findings/" >&2
    exit 1
  fi
done
