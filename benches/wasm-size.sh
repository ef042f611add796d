#!/usr/bin/env bash
# What the entity engine and its data add to a wasm build, gzipped.
#
#   bash benches/wasm-size.sh
#
# Builds two tiny cdylib crates against this checkout (no default features,
# release profile: opt-level z, LTO, panic=abort, symbols stripped) for
# wasm32-unknown-unknown: a baseline that only splits a document into blocks,
# and the same plus `entities::extract` with its results used. Prints both
# gzip -9 sizes and the difference. No wasm-opt pass: the real app's build
# may come out smaller.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cat > "$work/Cargo.toml" <<TOML
[package]
name = "wsize"
version = "0.1.0"
edition = "2021"

[lib]
crate-type = ["cdylib"]

[dependencies]
claimlens = { path = "$root", default-features = false }

[features]
engine = []

[profile.release]
opt-level = "z"
lto = true
codegen-units = 1
panic = "abort"
strip = true
TOML
cat > "$work/src/lib.rs" <<'RS'
use claimlens::analysis::Document;

/// # Safety
/// `ptr..ptr+len` must be readable.
#[no_mangle]
pub unsafe extern "C" fn run(ptr: *const u8, len: usize) -> usize {
    let text = std::str::from_utf8(std::slice::from_raw_parts(ptr, len)).unwrap_or("");
    let doc = Document::from_plain_text("x", "x", text);
    #[cfg(feature = "engine")]
    {
        let a = claimlens::analysis::entities::extract(&doc);
        return a.mentions.len()
            + a.entities.iter().map(|e| e.name.len()).sum::<usize>()
            + a.mentions.iter().filter_map(|m| m.value.as_ref()).map(|v| v.to_string().len()).sum::<usize>();
    }
    #[allow(unreachable_code)]
    doc.blocks.len()
}
RS
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$work/target}"
cd "$work"
cargo build -q --release --target wasm32-unknown-unknown
base=$(gzip -9c "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wsize.wasm" | wc -c)
cargo build -q --release --target wasm32-unknown-unknown --features engine
engine=$(gzip -9c "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/wsize.wasm" | wc -c)
echo "baseline (document only):   $base bytes gzipped"
echo "with the entity engine:     $engine bytes gzipped"
echo "engine + data add:          $((engine - base)) bytes gzipped (budget 120 KB)"
