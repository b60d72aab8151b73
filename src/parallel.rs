//! Work spread over the available cores, results kept in input order.

/// `f` applied to every item, in order, spread over the available cores. Items are handed out a
/// few at a time as threads become free (rayon's work stealing), so a slow item or a core taken by
/// another process does not leave the other cores idle at the end. Small inputs stay on the
/// calling thread, where waking the pool would cost more than it saves.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    use rayon::prelude::*;
    if items.len() <= 32 {
        return items.iter().map(f).collect();
    }
    items.par_iter().map(f).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_input_order_across_chunks() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = super::map(&items, |n| n * 2);
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
    }
}
