//! Files in and out: reading inputs whole, and writing outputs atomically.

mod list;
mod read;
mod write;

pub use list::answers_files;
pub use read::{SourceFile, io_reason, read_disk, read_input};
pub use write::{AtomicFile, Existing, write_atomic};
