//! Model 2's rules, one worked example each with the arithmetic written out (unit bands, a
//! quote, each plan limit, per-seat and per-unit add-ons, the infrastructure base and factor,
//! E[1/W] for a lopsided triangle, E[(1+r)^−y]), and the expected view held against Monte Carlo.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use tierwise::model::report::OptionReport;
use tierwise::model::{evaluate, Report};

/// A model-2 config: community plus the paid options' JSON, assumptions and requirements.
fn config2(assumptions: &str, paid: &[&str], requirements: &str) -> String {
    format!(
        r#"{{ "schema": 2, "product": "Test", "currency": "USD",
        "assumptions": {{ {assumptions} }},
        "options": [ {{ "id": "community", "kind": "community", "name": "Community" }}, {} ],
        "requirements": [{requirements}] }}"#,
        paid.join(", ")
    )
}

fn run(config_json: &str, scenario_json: &str) -> Report {
    let c = config(config_json);
    let s = scenario(&c, scenario_json);
    evaluate(&c, &s)
}

fn option<'a>(r: &'a Report, id: &str) -> &'a OptionReport {
    r.options
        .iter()
        .find(|o| o.id == id)
        .expect("option exists")
}

const FLAT: &str = r#""team_growth": 0, "scale_growth": 0"#;

#[test]
fn unit_bands_price_usage_like_tax_brackets() {
    let cloud = r#"{ "id": "cloud", "kind": "cloud", "name": "Cloud", "availability": 1,
        "price": { "unit_bands": [ { "up_to": 2, "per_unit": 0 }, { "up_to": 50, "per_unit": 100 }, { "per_unit": 60 } ] } }"#;
    let c = config2(ROUND, &[cloud], "");
    // 1.5 units: all inside the free allowance → 0.
    let r = run(
        &c,
        &format!(r#"{{"team_size": 1, "scale": 1.5, "horizon": 1, {FLAT}}}"#),
    );
    close(option(&r, "cloud").years[0].licence, 0.0);
    // 30 units: 2 × 0 + 28 × 100 = 2,800.
    let r = run(
        &c,
        &format!(r#"{{"team_size": 1, "scale": 30, "horizon": 1, {FLAT}}}"#),
    );
    close(option(&r, "cloud").years[0].licence, 2_800.0);
    // 80 units: 48 × 100 + 30 × 60 = 4,800 + 1,800 = 6,600.
    let r = run(
        &c,
        &format!(r#"{{"team_size": 1, "scale": 80, "horizon": 1, {FLAT}}}"#),
    );
    close(option(&r, "cloud").years[0].licence, 6_600.0);
    // Scale grows 100 % a year from 30: year 2 has 60 units: 4,800 + 10 × 60 = 5,400.
    let r = run(
        &c,
        r#"{"team_size": 1, "scale": 30, "horizon": 2, "team_growth": 0, "scale_growth": 1}"#,
    );
    close(option(&r, "cloud").years[1].licence, 5_400.0);
}

#[test]
fn a_quote_is_the_typical_deal_at_values_and_its_mean_in_the_expected_view() {
    let e = r#"{ "id": "enterprise", "kind": "enterprise", "name": "Enterprise",
        "price": { "platform_fee": 12000, "quote": { "low": 0.6, "high": 1.2 } } }"#;
    let r = run(
        &config2(ROUND, &[e], ""),
        &format!(r#"{{"team_size": 10, "scale": 1, "horizon": 2, {FLAT}}}"#),
    );
    let o = option(&r, "enterprise");
    // At the entered values q = 1: 12,000 a year, 24,000 over two years (r = 0).
    close(o.years[0].licence, 12_000.0);
    close(o.total, 24_000.0);
    // Expected: E[q] = (0.6 + 1 + 1.2) / 3 = 0.9333…: 2 × 12,000 × 0.9333… = 22,400.
    close(o.expected_total, 22_400.0);
    close(o.expected_present_cost, 22_400.0);
    assert!(o.quoted);
    // Savings on the expected view: community costs 0 here, so savings = −22,400; at values −24,000.
    close(o.savings.unwrap(), -22_400.0);
    close(o.savings_at_values.unwrap(), -24_000.0);
    // The quote has a sensitivity row of its own: savings at q = 0.6 and q = 1.2.
    assert_eq!(r.sensitivity[0].assumption, "quote:enterprise");
    close(r.sensitivity[0].low, -24_000.0 * 0.6);
    close(r.sensitivity[0].high, -24_000.0 * 1.2);
}

#[test]
fn each_plan_limit_disqualifies_when_any_year_breaks_it() {
    let cloud = |limits: &str| {
        format!(
            r#"{{ "id": "team", "kind": "cloud", "name": "Team", "availability": 1, "price": {{}},
            "limits": {{ {limits} }} }}"#
        )
    };
    let at = |limits: &str, scenario: &str| {
        let r = run(&config2(ROUND, &[&cloud(limits)], ""), scenario);
        let o = option(&r, "team").clone();
        (o.qualified, o.limits_exceeded)
    };
    // max_team_size 250: 200 users growing 20 % a year reach 200, 240, 288 → broken in year 3.
    let grow =
        r#"{"team_size": 200, "scale": 1, "horizon": 3, "team_growth": 0.2, "scale_growth": 0}"#;
    assert_eq!(
        at(r#""max_team_size": 250"#, grow),
        (false, vec!["max_team_size"])
    );
    // Over two years (200, 240) it holds.
    let two =
        r#"{"team_size": 200, "scale": 1, "horizon": 2, "team_growth": 0.2, "scale_growth": 0}"#;
    assert_eq!(at(r#""max_team_size": 250"#, two), (true, vec![]));
    // min_team_size 25: a team of 20 shrinking or flat is below it in year 1.
    let small =
        r#"{"team_size": 20, "scale": 1, "horizon": 3, "team_growth": 0, "scale_growth": 0}"#;
    assert_eq!(
        at(r#""min_team_size": 25"#, small),
        (false, vec!["min_team_size"])
    );
    // A team of 30 shrinking 10 % a year: 30, 27, 24.3 → below 25 in year 3.
    let shrink =
        r#"{"team_size": 30, "scale": 1, "horizon": 3, "team_growth": -0.1, "scale_growth": 0}"#;
    assert_eq!(
        at(r#""min_team_size": 25"#, shrink),
        (false, vec!["min_team_size"])
    );
    // max_scale 1 (a free tier's one node): 1 node growing 30 % breaks it in year 2.
    let nodes =
        r#"{"team_size": 3, "scale": 1, "horizon": 2, "team_growth": 0, "scale_growth": 0.3}"#;
    assert_eq!(at(r#""max_scale": 1"#, nodes), (false, vec!["max_scale"]));
    // All three at once, each named once.
    let all = r#""min_team_size": 50, "max_team_size": 100, "max_scale": 1"#;
    let r = at(
        all,
        r#"{"team_size": 40, "scale": 1, "horizon": 3, "team_growth": 1, "scale_growth": 0.5}"#,
    );
    assert_eq!(
        r,
        (false, vec!["min_team_size", "max_team_size", "max_scale"])
    );
}

#[test]
fn a_disqualified_option_is_never_recommended_and_limits_cut_wins() {
    // A free tier (price 0) is cheapest wherever it is sold, and is sold up to 10 users.
    let free = r#"{ "id": "free", "kind": "cloud", "name": "Free", "availability": 1, "price": {}, "support_reduction": 1,
        "limits": { "max_team_size": 10 } }"#;
    let assumptions = format!(r#"{ROUND}, "selfhelp_hours_per_seat_year": 10"#);
    let c = config2(&assumptions, &[free], "");
    let r = run(
        &c,
        &format!(r#"{{"team_size": 8, "scale": 1, "horizon": 1, {FLAT}}}"#),
    );
    assert_eq!(r.recommended.as_deref(), Some("free"));
    // Community costs 8 × 10 h × 50 = 4,000 in self-help; the free tier (full support) nothing; it wins from 1 to 10 users.
    assert_eq!(option(&r, "free").wins_team_size, Some(vec![[1, 10]]));
    let r = run(
        &c,
        &format!(r#"{{"team_size": 11, "scale": 1, "horizon": 1, {FLAT}}}"#),
    );
    assert_eq!(r.recommended.as_deref(), Some("community"));
    assert!(!option(&r, "free").qualified);
    // With 20 % growth over 3 years, 10 users reach 14.4: the free tier holds only while
    // T × 1.44 ≤ 10, i.e. up to 6 users (6.94 → 6).
    let r = run(
        &c,
        r#"{"team_size": 5, "scale": 1, "horizon": 3, "team_growth": 0.2, "scale_growth": 0}"#,
    );
    assert_eq!(option(&r, "free").wins_team_size, Some(vec![[1, 6]]));
}

#[test]
fn add_ons_per_seat_and_per_unit() {
    let cloud =
        r#"{ "id": "cloud", "kind": "cloud", "name": "Cloud", "availability": 1, "price": {} }"#;
    let req = r#"{ "id": "sso", "name": "SSO", "community": "included",
        "cloud": { "addon": { "per_year": 1000, "per_seat": 48, "per_unit": 100, "source": "price list" } } }"#;
    let r = run(
        &config2(ROUND, &[cloud], req),
        r#"{"team_size": 40, "scale": 6, "horizon": 2, "team_growth": 0.5, "scale_growth": 0, "requirements": ["sso"]}"#,
    );
    let o = option(&r, "cloud");
    // y1: 1,000 + 40 × 48 + 6 × 100 = 1,000 + 1,920 + 600 = 3,520
    close(o.years[0].compliance, 3_520.0);
    // y2: 60 seats: 1,000 + 2,880 + 600 = 4,480
    close(o.years[1].compliance, 4_480.0);
    // A third party charges the same way under another label.
    let ext = req.replace("addon", "external");
    let r = run(
        &config2(ROUND, &[cloud], &ext),
        r#"{"team_size": 40, "scale": 6, "horizon": 1, "team_growth": 0, "scale_growth": 0, "requirements": ["sso"]}"#,
    );
    close(option(&r, "cloud").years[0].compliance, 3_520.0);
}

#[test]
fn infrastructure_base_and_enterprise_factor() {
    let e = r#"{ "id": "enterprise", "kind": "enterprise", "name": "Enterprise", "price": {}, "infra_factor": 1.1 }"#;
    let assumptions = format!(r#"{ROUND}, "infra_base_month": 300, "infra_per_unit_month": 420"#);
    let r = run(
        &config2(&assumptions, &[e], ""),
        &format!(r#"{{"team_size": 1, "scale": 6, "horizon": 1, {FLAT}}}"#),
    );
    // Community: (300 + 6 × 420) × 12 = 2,820 × 12 = 33,840.
    close(option(&r, "community").years[0].infrastructure, 33_840.0);
    // Enterprise: 33,840 × 1.1 = 37,224.
    close(option(&r, "enterprise").years[0].infrastructure, 37_224.0);
}

#[test]
fn expected_hourly_rate_uses_the_mean_of_one_over_w_for_a_lopsided_triangle() {
    // W triangular (1,000, 2,000, 2,000): the density rises from 1,000 to a peak at 2,000.
    // E[1/W] = 2/((b−a)(c−a))·((c−a) − a·ln(c/a)) = 2/(1,000 × 1,000)·(1,000 − 1,000·ln 2)
    //        = 2·(1 − ln 2)/1,000 = 0.000613705638880109…
    // E[E] = 100,000 (no range), so E[h] = 61.3705638880109…, while h at the values is 50.
    let assumptions = r#""engineer_cost": 100000, "work_hours": {"value": 2000, "low": 1000, "high": 2000},
        "selfhelp_hours_per_seat_year": 10, "self_hosted_availability": 1, "productivity_loss": 0,
        "discount_rate": 0, "migration_weeks": 0"#;
    let cloud =
        r#"{ "id": "cloud", "kind": "cloud", "name": "Cloud", "availability": 1, "price": {} }"#;
    let r = run(
        &config2(assumptions, &[cloud], ""),
        &format!(r#"{{"team_size": 1, "scale": 1, "horizon": 1, {FLAT}}}"#),
    );
    let c = option(&r, "community");
    // Self-help: 1 user × 10 h × h.
    close(c.total, 500.0);
    let e_inverse = 2.0 * (1.0 - std::f64::consts::LN_2) / 1_000.0;
    let expected = 10.0 * 100_000.0 * e_inverse;
    assert!(
        (c.expected_total - expected).abs() < 1e-9 * expected,
        "{}",
        c.expected_total
    );
}

#[test]
fn expected_discount_factors_integrate_over_the_rate() {
    // r triangular (0, 0, 0.2): density 2(0.2 − r)/0.04 on [0, 0.2]. One year of 1,000,000:
    // E[(1+r)^−1] = ∫ 2(0.2 − r)/0.04 · 1/(1+r) dr = 50·[1.2·ln(1.2) − 0.2] = 0.9392929…
    let assumptions = r#""engineer_cost": 100000, "work_hours": 2000, "infra_base_month": 83333.33333333333,
        "selfhelp_hours_per_seat_year": 0, "self_hosted_availability": 1, "productivity_loss": 0,
        "discount_rate": {"value": 0, "low": 0, "high": 0.2}, "migration_weeks": 0"#;
    let cloud =
        r#"{ "id": "cloud", "kind": "cloud", "name": "Cloud", "availability": 1, "price": {} }"#;
    let r = run(
        &config2(assumptions, &[cloud], ""),
        &format!(r#"{{"team_size": 1, "scale": 1, "horizon": 1, {FLAT}}}"#),
    );
    let c = option(&r, "community");
    let year = 83_333.333_333_333_33 * 12.0;
    let factor = 50.0 * (1.2 * 1.2f64.ln() - 0.2);
    close(c.present_cost, year);
    assert!((c.expected_present_cost - year * factor).abs() < 1e-9 * year);
    // Nominal totals are not discounted: the expected total is the total.
    close(c.expected_total, year);
}

#[test]
fn the_mean_of_200_000_simulated_present_costs_is_within_half_a_percent_of_the_expected() {
    let mut configs: Vec<_> = sample_names().iter().map(|n| sample(n)).collect();
    if let Ok(text) = std::fs::read_to_string(format!(
        "{}/../shared/spec/example-config.json",
        env!("CARGO_MANIFEST_DIR")
    )) {
        configs.push(config(&text));
    }
    let scenarios = [
        r#"{"team_size": 40, "scale": 6}"#,
        r#"{"team_size": 5, "scale": 1, "horizon": 1}"#,
        r#"{"team_size": 300, "scale": 40, "horizon": 5, "team_growth": 0.1, "scale_growth": 0.5}"#,
    ];
    for c in &configs {
        for (k, s) in scenarios.iter().enumerate() {
            let s = scenario(c, s);
            let model = tierwise::model::Model::new(c, &s);
            let mc = model.monte_carlo(200_000, 7 + k as u64);
            let r = tierwise::model::evaluate_to(c, &s, tierwise::model::Depth::COSTS);
            for (o, m) in r.options.iter().zip(&mc.options) {
                let e = o.expected_present_cost;
                assert!(
                    (m.mean - e).abs() <= 0.005 * e,
                    "{} {}: mean {} vs expected {}",
                    c.product,
                    o.id,
                    m.mean,
                    e
                );
            }
        }
    }
}

mod pins;

/// The expected view through both quadratures (work hours and discount rate ranged) and the
/// quote factors, pinned to the bit; `tests/web.rs` checks the same bits in the browser.
#[test]
fn expected_figures_are_pinned_to_the_bit() {
    let c = sample("devtool-seats.json");
    let s = scenario(&c, pins::EXPECTED_SCENARIO);
    let r = tierwise::model::evaluate_to(&c, &s, tierwise::model::Depth::COSTS);
    let bits: Vec<u64> = r
        .options
        .iter()
        .map(|o| o.expected_present_cost.to_bits())
        .collect();
    assert_eq!(bits, pins::EXPECTED_BITS.to_vec(), "{bits:?}");
}
