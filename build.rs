//! Works out the fingerprint of everything the cache's contents depend on: the rule files,
//! the questionnaires, the templates, the program's source and its locked dependencies. A
//! built-in framework or compiled template kept in the cache (`src/cache.rs`) is read back
//! only by a program built with the same fingerprint.

use std::path::Path;

fn main() {
    let mut hash = Fnv::default();
    for root in ["rules", "questionnaires", "templates", "src"] {
        println!("cargo:rerun-if-changed={root}");
        let mut files = Vec::new();
        collect(Path::new(root), &mut files);
        files.sort();
        for file in files {
            hash.write(file.to_string_lossy().as_bytes());
            hash.write(&std::fs::read(&file).unwrap_or_default());
        }
    }
    for file in ["Cargo.toml", "Cargo.lock"] {
        println!("cargo:rerun-if-changed={file}");
        hash.write(file.as_bytes());
        hash.write(&std::fs::read(file).unwrap_or_default());
    }
    println!("cargo:rustc-env=READINESS_BUILD_FINGERPRINT={:016x}", hash.0);
}

/// Every file under `dir`, recursively.
fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// 64-bit FNV-1a: a fingerprint that changes when any byte does, the same on every build.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        // The length too, so that moving bytes between files changes the fingerprint.
        self.0 ^= bytes.len() as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
}
