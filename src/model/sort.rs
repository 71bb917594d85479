//! The crate's sorts, by hand. Every element type a std sort is instantiated for adds its own
//! copy to the wasm: ~3.9 KB for `sort_by` on floats (quicksort, drift and small sorts,
//! measured with twiggy). So floats go through the radix sort below and the few short lists
//! through an insertion sort.

/// Sorts `xs` ascending in IEEE total order (draws, bend points), as `sort_by(f64::total_cmp)`
/// does: in total order equal keys have equal bits, so any correct sort gives the same slice.
/// A radix sort of the bits, a byte a pass: a few hundred bytes of wasm and as fast as std's
/// on 10,000 draws (a heapsort was as small but made Monte Carlo 70% slower, measured).
pub fn floats(xs: &mut [f64]) {
    // Keys whose unsigned order is the total order: negatives flipped below the positives.
    let mut keys: Vec<u64> = xs
        .iter()
        .map(|x| {
            let b = x.to_bits();
            if b >> 63 == 1 {
                !b
            } else {
                b | 1 << 63
            }
        })
        .collect();
    let mut spare = vec![0; keys.len()];
    for shift in (0..64).step_by(8) {
        // Where each byte value's run starts in `spare`.
        let mut start = [0usize; 256];
        for k in &keys {
            start[(k >> shift) as usize & 255] += 1;
        }
        let mut at = 0;
        for s in &mut start {
            (*s, at) = (at, at + *s);
        }
        for &k in &keys {
            let d = (k >> shift) as usize & 255;
            spare[start[d]] = k;
            start[d] += 1;
        }
        std::mem::swap(&mut keys, &mut spare);
    }
    for (x, k) in xs.iter_mut().zip(keys) {
        *x = f64::from_bits(if k >> 63 == 1 { k & !(1 << 63) } else { !k });
    }
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
    fn floats_sort_like_std() {
        // A deterministic mix with repeats, signed zeros and NaNs, at every small length and
        // at draw length.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            match seed >> 60 {
                0 => 0.0,
                1 => -0.0,
                2 => f64::NAN,
                k => (seed >> 11) as f64 / (k as f64) - 1e15,
            }
        };
        for n in (0..40).chain([10_000]) {
            let xs: Vec<f64> = (0..n).map(|_| next()).collect();
            let (mut ours, mut std) = (xs.clone(), xs);
            floats(&mut ours);
            std.sort_by(f64::total_cmp);
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&ours), bits(&std), "length {n}");
        }
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
