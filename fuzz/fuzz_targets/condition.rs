//! Fuzz target `condition`: see `readiness_fuzz::condition`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| readiness_fuzz::condition(data));
