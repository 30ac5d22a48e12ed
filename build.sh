#!/usr/bin/env bash
# build.sh — build, serve, test and benchmark xxgk-report.
#
#   ./build.sh [build]     one wasm build for all browsers down to Chromium 83, three modules
#                          -> www/pkg/xxgk_report* (the page: feature `page`),
#                          www/pkg/xxgk_documents* (Word/HTML, run in a Web Worker started on
#                          first use, www/pkg/xxgk_documents_worker.js: feature `documents`) and
#                          www/pkg/xxgk_batch* (the 批量检查 view, in its own Web Worker started
#                          when the view is first used, www/pkg/xxgk_batch_worker.js: feature `batch`)
#                          (nightly, see "legacy route" below)
#   ./build.sh serve [PORT]  build, then serve www/ on 127.0.0.1:PORT (8080)
#   ./build.sh test        native tests, wasm tests in headless Chromium,
#                          wasm feature check, end-to-end tests (both browsers)
#   ./build.sh bench       criterion benches, then tests/e2e/bench/*.mjs
#   ./build.sh probe       rebuild tests/e2e/fixtures/wasm-floor/{modern,legacy}
#   ./build.sh dist        build, then dist/static/ (+ SHA256SUMS) and the single file
#                          dist/xxgk-report.html (www/tools/dist.mjs)
#   ./build.sh fuzz [SECONDS] [TARGET...]
#                          every fuzz target (fuzz/, cargo-fuzz + libFuzzer, nightly) for
#                          SECONDS each (default 300) from the seed corpus; fails on a crash
#
# Environment: XXGK_TOOLS (tool cache, default ~/.cache/xxgk-tools),
# CARGO_TARGET_DIR (default ./target), XXGK_LEGACY_TOOLCHAIN (default nightly),
# XXGK_WASM=modern (fallback: stable Rust defaults, NOT runnable in Chromium 83).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
TOOLS=${XXGK_TOOLS:-$HOME/.cache/xxgk-tools}
export PATH="$TOOLS/bin:$ROOT/node_modules/.bin:$PATH"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WASM_TARGET=wasm32-unknown-unknown
WASM_TOOLS_VERSION=1.246.2
LEGACY_TOOLCHAIN=${XXGK_LEGACY_TOOLCHAIN:-nightly}
WASM_VARIANT=${XXGK_WASM:-legacy}

# Legacy route. Chromium 83 knows MVP + these. Rust >= 1.82 also emits
# reference-types and multivalue by default, and its precompiled std is built
# that way (stable + target-cpu=mvp still links overlong call_indirect from std
# and makes wasm-bindgen use externref), so std is rebuilt with -Zbuild-std on
# nightly. Measured: the result is also ~7% smaller than the stable default build.
LEGACY_RUSTFLAGS="-Ctarget-cpu=mvp -Ctarget-feature=+mutable-globals,+sign-ext,+bulk-memory,+nontrapping-fptoint"
# The same sets in wasm-tools' names, checked by `./build.sh test`.
LEGACY_FEATURES=mutable-global,sign-extension,saturating-float-to-int,bulk-memory
MODERN_FEATURES=$LEGACY_FEATURES,reference-types,multi-value

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# ---- tools ------------------------------------------------------------------

# Version of a package in Cargo.lock ($1 = package name).
lock_version() {
  awk -v n="\"$1\"" '$1 == "name" && $3 == n { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

# cargo_tool CRATE VERSION BIN: install CRATE@VERSION into $TOOLS unless BIN is that version.
cargo_tool() {
  local crate=$1 version=$2 bin=$3
  if "$TOOLS/bin/$bin" --version 2>/dev/null | grep -qF " $version"; then return; fi
  log "installing $crate $version into $TOOLS (takes a few minutes)"
  cargo install -q "$crate" --version "$version" --locked --root "$TOOLS" \
    || cargo install -q "$crate" --version "$version" --root "$TOOLS"
}

ensure_rust() {
  rustup target list --installed | grep -qx "$WASM_TARGET" || rustup target add "$WASM_TARGET"
  if [[ $WASM_VARIANT != modern ]]; then
    rustup toolchain list | grep -q "^$LEGACY_TOOLCHAIN" \
      || { log "installing the $LEGACY_TOOLCHAIN toolchain"; rustup toolchain install "$LEGACY_TOOLCHAIN" --profile minimal; }
    rustup component list --toolchain "$LEGACY_TOOLCHAIN" --installed 2>/dev/null | grep -q '^rust-src' \
      || { log "adding rust-src to $LEGACY_TOOLCHAIN"; rustup component add rust-src --toolchain "$LEGACY_TOOLCHAIN"; }
  fi
  [[ -f Cargo.lock ]] || cargo generate-lockfile
  local wb
  wb=$(lock_version wasm-bindgen)
  [[ -n $wb ]] || die "wasm-bindgen not found in Cargo.lock"
  cargo_tool wasm-bindgen-cli "$wb" wasm-bindgen
}

ensure_npm() {
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# ---- wasm build ---------------------------------------------------------------

# Cargo profile used for wasm: [profile.wasm] if the crate has one, else release.
wasm_profile() { grep -q '^\[profile\.wasm\]' "$1/Cargo.toml" && echo wasm || echo release; }

# Library target name of the crate in directory $1 (e.g. xxgk_report).
lib_name() {
  (cd "$1" && cargo metadata --no-deps --format-version 1) | node -e '
    const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const t = m.packages[0].targets.find((t) => t.kind.includes("cdylib"));
    if (!t) process.exit(1);
    console.log(t.name.replace(/-/g, "_"));'
}

# build_wasm modern|legacy CRATE_DIR OUT_DIR [OUT_NAME [CARGO_FEATURE_ARGS...]]
# Replaces OUT_DIR/OUT_NAME* (default: the library name); other modules in OUT_DIR stay.
build_wasm() {
  local variant=$1 dir=$2 out=$3 name=${4:-} profile lib target_dir
  local features=("${@:5}")
  profile=$(wasm_profile "$dir")
  lib=$(lib_name "$dir") || die "no cdylib target in $dir/Cargo.toml"
  # wasm-bindgen reads the target_features section to decide on externref, and
  # wasm-opt reads it to know the feature set: never strip it before them.
  local strip_var="CARGO_PROFILE_${profile^^}_STRIP"
  if [[ $variant == legacy ]]; then
    target_dir=$CARGO_TARGET_DIR/legacy
    log "cargo +$LEGACY_TOOLCHAIN build ($lib, legacy: mvp + build-std)"
    (cd "$dir" && env "$strip_var=debuginfo" CARGO_TARGET_DIR="$target_dir" RUSTFLAGS="$LEGACY_RUSTFLAGS" \
      cargo "+$LEGACY_TOOLCHAIN" build -q --lib --profile "$profile" --target "$WASM_TARGET" \
      -Zbuild-std=std,panic_abort ${features[@]+"${features[@]}"})
  else
    target_dir=$CARGO_TARGET_DIR
    log "cargo build ($lib, current browsers)"
    (cd "$dir" && env "$strip_var=debuginfo" \
      cargo build -q --lib --profile "$profile" --target "$WASM_TARGET" ${features[@]+"${features[@]}"})
  fi
  name=${name:-$lib}
  mkdir -p "$out"
  rm -f "$out/$name".* "$out/${name}_bg".*
  wasm-bindgen --target web --out-dir "$out" --out-name "$name" "$target_dir/$WASM_TARGET/$profile/$lib.wasm"
  local wasm="$out/${name}_bg.wasm" before
  before=$(stat -c %s "$wasm")
  if [[ $variant == legacy ]]; then
    # Pin the feature set so wasm-opt cannot introduce anything newer.
    wasm-opt -Oz --mvp-features --enable-mutable-globals --enable-sign-ext \
      --enable-bulk-memory --enable-nontrapping-float-to-int "$wasm" -o "$wasm"
  else
    # Features come from the module's target_features section.
    wasm-opt -Oz "$wasm" -o "$wasm"
  fi
  log "$variant: $wasm $before -> $(stat -c %s "$wasm") bytes ($(gzip -9c "$wasm" | wc -c) gzipped)"
}

cmd_build() {
  ensure_rust
  ensure_npm
  rm -rf www/pkg
  build_wasm "$WASM_VARIANT" "$ROOT" www/pkg xxgk_report --no-default-features --features page
  build_wasm "$WASM_VARIANT" "$ROOT" www/pkg xxgk_documents --no-default-features --features documents
  build_wasm "$WASM_VARIANT" "$ROOT" www/pkg xxgk_batch --no-default-features --features batch
  # The Web Workers of the documents and batch modules: one classic script each (no module
  # workers in Firefox ESR 78).
  node www/tools/dist.mjs --worker
  # The place-name table of rule T004, which the page's module leaves out (fetched on first prose).
  cp src/data/places.tsv www/pkg/places.tsv
}

# ---- checks -------------------------------------------------------------------

# Every shipped module must validate with exactly its browser floor's features.
check_features() {
  cargo_tool wasm-tools "$WASM_TOOLS_VERSION" wasm-tools
  local features=$LEGACY_FEATURES f
  [[ $WASM_VARIANT == modern ]] && features=$MODERN_FEATURES
  for f in www/pkg/*.wasm; do
    wasm-tools validate --features="mvp,$features" "$f"
    log "ok: $f validates with mvp,$features"
  done
}

# wasm-bindgen-test in headless Chromium through chromedriver; flags in webdriver.json.
wasm_tests() {
  if ! grep -q 'wasm-bindgen-test' Cargo.toml; then
    log "SKIP wasm-bindgen tests: no wasm-bindgen-test dev-dependency in Cargo.toml"
    return
  fi
  log "cargo test --target $WASM_TARGET (headless Chromium)"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
    WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120} \
    cargo test --target "$WASM_TARGET" --features documents,batch --test wasm_binding --test import_wasm --test import_pdf_wasm --test batch_wasm ${XXGK_WASM_TEST_ARGS:-}
}

cmd_test() {
  cmd_build
  log "cargo test (native)"
  cargo test
  wasm_tests
  check_features
  log "end-to-end tests (node --test tests/e2e/)"
  node --test tests/e2e/
}

cmd_bench() {
  cmd_build
  cargo bench
  local f
  shopt -s nullglob
  for f in tests/e2e/bench/*.mjs; do
    log "node $f"
    node "$f"
  done
}

cmd_serve() {
  cmd_build
  exec node tests/e2e/support/serve.mjs www "${1:-8080}"
}

# Rebuild the committed wasm-floor fixture from its probe crate.
cmd_probe() {
  ensure_rust
  ensure_npm
  local fx=tests/e2e/fixtures/wasm-floor
  CARGO_TARGET_DIR=$CARGO_TARGET_DIR/probe build_wasm modern "$fx/probe" "$fx/modern"
  CARGO_TARGET_DIR=$CARGO_TARGET_DIR/probe build_wasm legacy "$fx/probe" "$fx/legacy"
  rm -f "$fx"/{modern,legacy}/*.d.ts
}

# ---- fuzzing --------------------------------------------------------------------

CARGO_FUZZ_VERSION=0.13.2
# Limits of the importer (docs/import.md): 1 s and 64 MB per file. Under AddressSanitizer the
# code runs about twice as slow and the process carries ASan's shadow memory, so the per-input
# timeout is 2 s, one allocation may not exceed 64 MB, and the whole process 1 GB.
FUZZ_LIMITS=(-timeout=2 -malloc_limit_mb=64 -rss_limit_mb=1024)
# Safe Rust needs no AddressSanitizer to find panics, hangs and memory blow-ups, and runs about
# twice as fast without it; XXGK_FUZZ_SANITIZER=address brings it back (for the unsafe code of
# dependencies).
FUZZ_SANITIZER=${XXGK_FUZZ_SANITIZER:-none}

fuzz_targets() { sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^xxgk-report-fuzz$'; }

# fuzz_seed TARGET DIR: fill DIR with the seed inputs of TARGET: the checked-in seeds of
# fuzz/seeds/TARGET and the matching fixtures under tests/fixtures (nothing is copied twice).
fuzz_seed() {
  local target=$1 dir=$2 f
  mkdir -p "$dir"
  [[ -d fuzz/seeds/$target ]] && cp -n fuzz/seeds/"$target"/* "$dir"/ 2>/dev/null || true
  local -a files=()
  case $target in
    json|draft) mapfile -t files < <(find tests/fixtures -name '*.json' ! -name 'layouts.json') ;;
    text) mapfile -t files < <(find tests/fixtures -name '*.txt') ;;
    docx) mapfile -t files < <(find tests/fixtures -name '*.docx') ;;
    html|html_paste) mapfile -t files < <(find tests/fixtures -name '*.html' -o -name '*.htm') ;;
    doc) mapfile -t files < <(find tests/fixtures -name '*.doc' -o -name '*.wps') ;;
    pdf) python3 fuzz/seeds/pdf_small.py "$dir"; mapfile -t files < <(find tests/fixtures -name '*.pdf') ;;
    pdf_content) python3 fuzz/seeds/pdf_content.py "$dir" ;;
    docx_xml)
      for f in $(find tests/fixtures -name '*.docx'); do
        python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' \
          "$f" > "$dir/$(basename "$f" .docx).xml" 2>/dev/null || rm -f "$dir/$(basename "$f" .docx).xml"
      done ;;
    import) mapfile -t files < <(find tests/fixtures -type f ! -name '*.py' ! -name '*.snap' ! -name 'layouts.json') ;;
    *) [[ -f fuzz/seeds/$target.list ]] && mapfile -t files < "fuzz/seeds/$target.list" ;;
  esac
  for f in "${files[@]}"; do
    local out="$dir/$(echo "$f" | sha1sum | cut -c1-16)"
    if [[ $target == import ]]; then
      # The import target's first byte picks the file name hint; 0 is 「报告.docx」 and so on.
      case ${f##*.} in docx) printf '\0' ;; txt) printf '\1' ;; json) printf '\2' ;; doc) printf '\3' ;;
        pdf) printf '\4' ;; html|htm) printf '\5' ;; *) printf '\7' ;; esac > "$out"
      cat "$f" >> "$out"
    else
      cp "$f" "$out"
    fi
  done
}

# Longest input the fuzzer makes: 256 KB, a real report's size; 64 KB for raw PDFs, whose
# fixtures (100-240 KB, mostly fonts) would otherwise cost most of the executions (longer seeds
# are cut, which exercises the xref repair).
fuzz_max_len() { [[ $1 == pdf ]] && echo 65536 || echo 262144; }

fuzz_dict() {
  case $1 in
    json|draft|check) echo fuzz/dict/json.dict ;;
    text) echo fuzz/dict/text.dict ;;
    docx|docx_xml) echo fuzz/dict/xml.dict ;;
    html|html_paste) echo fuzz/dict/html.dict ;;
    pdf|pdf_content) echo fuzz/dict/pdf.dict ;;
    import) echo fuzz/dict/all.dict ;;
    # No dictionary (doc: its tokens are binary) is no error: `dict=$(fuzz_dict doc)` runs under set -e.
    *) if [[ -f fuzz/dict/$1.dict ]]; then echo "fuzz/dict/$1.dict"; fi ;;
  esac
}

# Runs every target (or the ones named) for SECONDS each; prints executions and coverage per
# target; exits non-zero if any target found a crash, a timeout or a memory blow-up.
cmd_fuzz() {
  local seconds=${1:-300}
  [[ $# -gt 0 ]] && shift
  local -a targets=("$@")
  [[ ${#targets[@]} -gt 0 ]] || mapfile -t targets < <(fuzz_targets)
  rustup toolchain list | grep -q "^$LEGACY_TOOLCHAIN" || rustup toolchain install "$LEGACY_TOOLCHAIN" --profile minimal
  cargo_tool cargo-fuzz "$CARGO_FUZZ_VERSION" cargo-fuzz
  log "cargo +$LEGACY_TOOLCHAIN fuzz build (${#targets[@]} targets)"
  cargo "+$LEGACY_TOOLCHAIN" fuzz build -O -s "$FUZZ_SANITIZER"
  local work=$CARGO_TARGET_DIR/fuzz failed=0 t report=()
  for t in "${targets[@]}"; do
    local corpus=$work/corpus/$t artifacts=$work/artifacts/$t dict log
    mkdir -p "$artifacts"
    fuzz_seed "$t" "$corpus"
    dict=$(fuzz_dict "$t")
    log="$work/$t.log"
    log "fuzz $t for ${seconds}s (corpus $(ls "$corpus" | wc -l) files${dict:+, dictionary $dict})"
    if ! cargo "+$LEGACY_TOOLCHAIN" fuzz run -O -s "$FUZZ_SANITIZER" "$t" "$corpus" -- "${FUZZ_LIMITS[@]}" \
        -max_len="$(fuzz_max_len "$t")" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts/" \
        ${dict:+-dict=$dict} > "$log" 2>&1; then
      failed=1
      log "FAILED: $t (see $log and $artifacts/)"
      grep -E 'ERROR|panicked|SUMMARY|Test unit written' "$log" | head -20 >&2 || true
    fi
    local execs cov
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    report+=("$(printf '%-10s %12s executions  %s' "$t" "${execs:-?}" "${cov:-?}")")
  done
  printf '%s\n' "${report[@]}" >&2
  return $failed
}

cmd=${1:-build}
[[ $# -gt 0 ]] && shift
case $cmd in
  build) cmd_build ;;
  serve) cmd_serve "$@" ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  probe) cmd_probe ;;
  dist) cmd_build; node www/tools/dist.mjs ;;
  fuzz) cmd_fuzz "$@" ;;
  *) die "unknown command '$cmd' (build|serve|test|bench|probe|dist|fuzz)" ;;
esac
