//! A cap on the requests in flight, with a bounded wait for a free slot.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// A counting semaphore: at most `capacity` holders at once.
#[derive(Debug)]
pub(crate) struct Slots {
    capacity: usize,
    used: Mutex<usize>,
    freed: Condvar,
}

/// A held slot, given back when dropped.
pub(crate) struct Slot<'a>(&'a Slots);

impl Slots {
    pub fn new(capacity: usize) -> Self {
        Self { capacity: capacity.max(1), used: Mutex::new(0), freed: Condvar::new() }
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// Takes a slot, waiting at most `wait`; `None` when every slot stayed busy.
    pub fn acquire(&self, wait: Duration) -> Option<Slot<'_>> {
        let deadline = Instant::now() + wait;
        let mut used = self.used.lock().unwrap_or_else(|p| p.into_inner());
        while *used >= self.capacity {
            let left = deadline.checked_duration_since(Instant::now())?;
            used = self.freed.wait_timeout(used, left).unwrap_or_else(|p| p.into_inner()).0;
        }
        *used += 1;
        Some(Slot(self))
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut used = self.0.used.lock().unwrap_or_else(|p| p.into_inner());
        *used = used.saturating_sub(1);
        self.0.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_pool_refuses_after_its_wait_and_frees_on_drop() {
        let slots = Slots::new(2);
        let a = slots.acquire(Duration::ZERO).expect("first slot");
        let _b = slots.acquire(Duration::ZERO).expect("second slot");
        let started = Instant::now();
        assert!(slots.acquire(Duration::from_millis(30)).is_none());
        assert!(started.elapsed() >= Duration::from_millis(30));
        drop(a);
        assert!(slots.acquire(Duration::ZERO).is_some());
    }
}
