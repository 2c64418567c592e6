//! Fuzz target `answers`: see `readiness_fuzz::answers`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| readiness_fuzz::answers(data));
