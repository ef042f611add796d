#![no_main]
//! Fuzz target `analysis`: see `harness::analysis`.

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
#[allow(dead_code)]
mod harness;

fuzz_target!(|data: &[u8]| harness::analysis(data));
