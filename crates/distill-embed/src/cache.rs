//! A bounded map from a text's hash to its vector.
//!
//! Feeds repeat titles and boilerplate sentences; embedding them once is enough. The
//! key is the 128-bit xxh3 of the text, so a collision is not a practical concern, and
//! the entry count is bounded: past it the oldest entry goes first (insertion order,
//! which is cheap and good enough for repeated feed text).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// A thread-safe, first-in-first-out bounded cache of vectors.
pub(crate) struct VectorCache {
    capacity: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    map: HashMap<u128, Vec<f32>>,
    order: VecDeque<u128>,
}

impl VectorCache {
    /// Returns a cache of at most `capacity` vectors (0 keeps nothing).
    pub(crate) fn new(capacity: usize) -> Self {
        Self { capacity, inner: Mutex::new(Inner::default()) }
    }

    /// Returns the key of a text.
    pub(crate) fn key(text: &str) -> u128 {
        xxhash_rust::xxh3::xxh3_128(text.as_bytes())
    }

    /// Returns a copy of the vector under `key`, if kept.
    pub(crate) fn get(&self, key: u128) -> Option<Vec<f32>> {
        if self.capacity == 0 {
            return None;
        }
        self.lock().map.get(&key).cloned()
    }

    /// Keeps `vector` under `key`, dropping the oldest entries past the capacity.
    pub(crate) fn insert(&self, key: u128, vector: Vec<f32>) {
        if self.capacity == 0 {
            return;
        }
        let mut inner = self.lock();
        if inner.map.insert(key, vector).is_none() {
            inner.order.push_back(key);
        }
        while inner.map.len() > self.capacity {
            match inner.order.pop_front() {
                Some(old) => {
                    inner.map.remove(&old);
                }
                None => break,
            }
        }
    }

    /// Returns how many vectors are kept.
    pub(crate) fn len(&self) -> usize {
        self.lock().map.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves a consistent map: keep using it.
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_keeps_at_most_its_capacity_and_drops_the_oldest() {
        let cache = VectorCache::new(2);
        let (a, b, c) = (VectorCache::key("a"), VectorCache::key("b"), VectorCache::key("c"));
        cache.insert(a, vec![1.0]);
        cache.insert(b, vec![2.0]);
        cache.insert(a, vec![1.5]);
        assert_eq!(cache.len(), 2);
        cache.insert(c, vec![3.0]);
        assert_eq!(cache.len(), 2);
        assert_eq!(cache.get(a), None);
        assert_eq!(cache.get(b), Some(vec![2.0]));
        assert_eq!(cache.get(c), Some(vec![3.0]));
    }

    #[test]
    fn a_cache_of_capacity_zero_keeps_nothing() {
        let cache = VectorCache::new(0);
        cache.insert(VectorCache::key("a"), vec![1.0]);
        assert_eq!(cache.len(), 0);
        assert_eq!(cache.get(VectorCache::key("a")), None);
    }
}
