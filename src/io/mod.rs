//! Files in and out: reading inputs whole, and writing outputs atomically.

mod read;
mod write;

pub use read::{SourceFile, io_reason, read_disk, read_input};
pub use write::{Existing, write_atomic};
