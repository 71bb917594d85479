//! Figures pinned to the bit, checked natively and in the browser, so the same seed is seen to
//! give the same figures on every platform.
#![allow(dead_code)]

/// `stream-platform.json`, team 40, scale 6, 1,000 draws from seed 42: the p50 present cost
/// of community, enterprise and cloud, as f64 bits.
pub const MC_P50_BITS: [u64; 3] = [
    4694188503481263574,
    4692919754429627144,
    4689727837805630536,
];

/// `devtool-seats.json` with work hours and the discount rate ranged: the scenario of
/// [`EXPECTED_BITS`].
pub const EXPECTED_SCENARIO: &str = r#"{"team_size": 120, "scale": 8, "assumptions": {
    "work_hours": {"value": 1800, "low": 1500, "high": 2000},
    "discount_rate": {"value": 0.08, "low": 0.03, "high": 0.15}}}"#;

/// Every option's `expected_present_cost` in that scenario, as f64 bits.
pub const EXPECTED_BITS: [u64; 5] = [
    4691822759641332133,
    4685593403078960526,
    4690334222969063867,
    4690978498324038547,
    4691926381010365032,
];
