//! Figures pinned to the bit, checked natively and in the browser, so the same seed is seen to
//! give the same figures on every platform.

/// `stream-platform.json`, team 40, scale 6, 1,000 draws from seed 42: the p50 present cost
/// of community, enterprise and cloud, as f64 bits.
pub const MC_P50_BITS: [u64; 3] = [
    4694188503481263574,
    4692919754429627144,
    4689727837805630536,
];
