//! Fuzz target `rules`: see `readiness_fuzz::rules`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| readiness_fuzz::rules(data));
