//! Sorting with one copy of the sort algorithm. The engine runs in WebAssembly, where every
//! `sort_by` for another element type or comparator adds kilobytes of code (each a copy of the
//! standard library's stable or unstable sort: 1 to 4 KB); here the sort itself is compiled
//! once, over indices, and only a short permutation step is generic. Every sort the search
//! module runs goes through here: the engine's, the facet counts' and the highlighter's.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub(crate) fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    // Postings come in order, so hits and occurrences of one term mostly already are: a stable
    // sort of a sorted list changes nothing, and checking costs one pass.
    if items.windows(2).all(|w| compare(&w[0], &w[1]) != Ordering::Greater) {
        return;
    }
    let order = order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Sorts and removes repeats.
pub(crate) fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
    items.dedup();
}

/// The indices `0..n` in the order `compare` gives, ties kept in index order.
fn order(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably_and_dedups() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        super::sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
        let mut words = vec!["b", "a", "b", "c", "a"];
        super::sort_dedup(&mut words);
        assert_eq!(words, ["a", "b", "c"]);
    }
}
