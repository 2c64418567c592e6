//! Files in and out: reading inputs whole, and writing outputs atomically.

pub mod cleanup;
mod list;
mod lock;
mod read;
mod write;

pub use list::answers_files;
pub use lock::{FileLock, LockError, lock_path};
pub use read::{MAX_INPUT, SourceFile, io_reason, read_disk, read_existing, read_input};
pub use write::{AtomicFile, Existing, destination, write_atomic};
