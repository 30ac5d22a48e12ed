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
    cargo test --target "$WASM_TARGET" --features documents,batch --test wasm_binding --test import_wasm --test batch_wasm ${XXGK_WASM_TEST_ARGS:-}
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

cmd=${1:-build}
[[ $# -gt 0 ]] && shift
case $cmd in
  build) cmd_build ;;
  serve) cmd_serve "$@" ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  probe) cmd_probe ;;
  dist) cmd_build; node www/tools/dist.mjs ;;
  *) die "unknown command '$cmd' (build|serve|test|bench|probe|dist)" ;;
esac
