//! One sort for the whole crate. Every element type a std sort is instantiated for adds its own
//! copy of the sort to the wasm (~3 KB each: quicksort, drift and small sorts, measured with
//! twiggy), so the core sorts floats through one instantiation and its few short lists by
//! insertion.

/// Sorts `xs` ascending in IEEE total order (draws, bend points).
pub fn floats(xs: &mut [f64]) {
    xs.sort_by(f64::total_cmp);
}

/// Sorts a short list (a handful of rows or limits) stably: `before(a, b)` says `a` goes first.
/// Insertion, so quadratic: never for draws.
pub fn short_by<T>(xs: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..xs.len() {
        let mut j = i;
        while j > 0 && before(&xs[j], &xs[j - 1]) {
            xs.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_sort_stably() {
        let mut xs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        short_by(&mut xs, |a, b| a.0 < b.0);
        assert_eq!(xs, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut none: Vec<u8> = Vec::new();
        short_by(&mut none, |a, b| a < b);
        assert!(none.is_empty());
    }

    #[test]
    fn floats_in_total_order() {
        let mut xs = [2.0, -0.0, 0.0, -1.5, 7.0];
        floats(&mut xs);
        assert_eq!(
            xs.map(f64::to_bits),
            [-1.5, -0.0, 0.0, 2.0, 7.0].map(f64::to_bits)
        );
    }
}
