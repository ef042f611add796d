#![no_main]
//! Fuzz target `html_extract`: see `harness::html_extract`.

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
#[allow(dead_code)]
mod harness;

fuzz_target!(|data: &[u8]| harness::html_extract(data));
