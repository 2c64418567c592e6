//! Fuzz target `template`: see `readiness_fuzz::template`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| readiness_fuzz::template(data));
