//! Maps keyed by id (a question's, a resource's), in insertion order.
//!
//! They are looked up many times in every assessment, so they hash with foldhash (seeded
//! at random for each map) rather than the standard library's slower SipHash.

/// A map keyed by id, in insertion order.
pub type IdMap<V> = indexmap::IndexMap<String, V, foldhash::fast::RandomState>;
