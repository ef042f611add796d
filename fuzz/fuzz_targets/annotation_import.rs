#![no_main]
//! Fuzz target `annotation_import`: see `harness::annotation_import`.

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
#[allow(dead_code)]
mod harness;

fuzz_target!(|data: &[u8]| harness::annotation_import(data));
