//! Fuzz target `survey_file`: see `readiness_fuzz::survey_file`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| readiness_fuzz::survey_file(data));
