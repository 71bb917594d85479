//! Worked examples: one per cost line and per requirement treatment, with the arithmetic
//! written out, plus the spreadsheet conventions of present cost, ROI and payback.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod pins;
use common::*;
use tierwise::model::{evaluate, Report};

fn run(config_json: &str, scenario_json: &str) -> Report {
    let c = config(config_json);
    let s = scenario(&c, scenario_json);
    evaluate(&c, &s)
}

fn option<'a>(r: &'a Report, id: &str) -> &'a tierwise::model::report::OptionReport {
    r.options
        .iter()
        .find(|o| o.id == id)
        .expect("option exists")
}

const ENTERPRISE_PRICE: &str = r#"{ "id": "enterprise", "kind": "enterprise", "name": "Enterprise",
    "price": { "platform_fee": 1000,
               "bands": [ { "up_to": 10, "per_seat": 100 }, { "up_to": 20, "per_seat": 50 }, { "per_seat": 10 } ],
               "per_unit": 200,
               "term_discounts": [ { "min_years": 2, "discount": 0.1 }, { "min_years": 5, "discount": 0.2 } ] } }"#;

#[test]
fn licence_graduated_bands_and_term_discount() {
    let r = run(
        &two_option_config(ROUND, ENTERPRISE_PRICE, ""),
        r#"{"team_size": 25, "scale": 3, "horizon": 2, "team_growth": 0, "scale_growth": 0}"#,
    );
    // seats: 10 × 100 + 10 × 50 + 5 × 10 = 1,550; list = 1,000 + 1,550 + 3 × 200 = 3,150;
    // horizon 2 takes the 10 % discount (min_years 2 ≤ 2 < 5): 3,150 × 0.9 = 2,835.
    let e = option(&r, "enterprise");
    close(e.years[0].licence, 2_835.0);
    close(e.years[1].licence, 2_835.0);
    // Horizon 5 takes the larger 20 %: 3,150 × 0.8 = 2,520.
    let r = run(
        &two_option_config(ROUND, ENTERPRISE_PRICE, ""),
        r#"{"team_size": 25, "scale": 3, "horizon": 5, "team_growth": 0, "scale_growth": 0}"#,
    );
    close(option(&r, "enterprise").years[4].licence, 2_520.0);
    // Horizon 1: no discount applies: 3,150.
    let r = run(
        &two_option_config(ROUND, ENTERPRISE_PRICE, ""),
        r#"{"team_size": 25, "scale": 3, "horizon": 1, "team_growth": 0, "scale_growth": 0}"#,
    );
    close(option(&r, "enterprise").years[0].licence, 3_150.0);
    // Community pays no licence.
    close(option(&r, "community").years[0].licence, 0.0);
}

#[test]
fn licence_minimum_and_growth() {
    let paid = ENTERPRISE_PRICE.replace(
        r#""per_unit": 200,"#,
        r#""per_unit": 200, "minimum": 2500,"#,
    );
    // Team doubles each year: 5, 10, 20 seats; scale stays 1; horizon 3 → 10 % discount.
    let r = run(
        &two_option_config(ROUND, &paid, ""),
        r#"{"team_size": 5, "scale": 1, "horizon": 3, "team_growth": 1, "scale_growth": 0}"#,
    );
    let e = option(&r, "enterprise");
    // y1: 1,000 + 5 × 100 + 200 = 1,700 < minimum 2,500 → 2,500 × 0.9 = 2,250
    close(e.years[0].licence, 2_250.0);
    // y2: 1,000 + 10 × 100 + 200 = 2,200 < 2,500 → 2,250
    close(e.years[1].licence, 2_250.0);
    // y3: 1,000 + (1,000 + 10 × 50) + 200 = 2,700 > 2,500 → 2,700 × 0.9 = 2,430
    close(e.years[2].licence, 2_430.0);
}

#[test]
fn infrastructure_grows_with_scale_and_cloud_pays_none() {
    let cloud = r#"{ "id": "cloud", "kind": "cloud", "name": "Cloud", "price": { "per_unit": 10 }, "availability": 1 }"#;
    let assumptions = format!(r#"{ROUND}, "infra_per_unit_month": 100"#);
    let r = run(
        &two_option_config(&assumptions, cloud, ""),
        r#"{"team_size": 1, "scale": 4, "horizon": 2, "team_growth": 0, "scale_growth": 0.5}"#,
    );
    // y1: 4 units × 100 × 12 = 4,800; y2: 4 × 1.5 = 6 units × 100 × 12 = 7,200
    let c = option(&r, "community");
    close(c.years[0].infrastructure, 4_800.0);
    close(c.years[1].infrastructure, 7_200.0);
    close(option(&r, "cloud").years[1].infrastructure, 0.0);
    // The cloud licence sees the same growth: 6 × 10 = 60 in year 2.
    close(option(&r, "cloud").years[1].licence, 60.0);
}

#[test]
fn operations_by_kind() {
    let assumptions =
        format!(r#"{ROUND}, "ops_base_hours_month": 10, "ops_hours_per_unit_month": 2"#);
    let enterprise = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {}, "ops_reduction": 0.25 }"#;
    let cloud = r#"{ "id": "cloud", "kind": "cloud", "name": "C", "price": {}, "admin_hours_month": 3, "availability": 1 }"#;
    let json = two_option_config(&assumptions, &format!("{enterprise}, {cloud}"), "");
    let r = run(&json, r#"{"team_size": 1, "scale": 5, "horizon": 1}"#);
    // community: (10 + 2 × 5) h/month × 12 × 50/h = 12,000
    close(option(&r, "community").years[0].operations, 12_000.0);
    // enterprise: 12,000 × (1 − 0.25) = 9,000
    close(option(&r, "enterprise").years[0].operations, 9_000.0);
    // cloud: 3 h/month × 12 × 50 = 1,800
    close(option(&r, "cloud").years[0].operations, 1_800.0);
}

#[test]
fn self_help_with_support_reduction() {
    let assumptions = ROUND.replace(
        r#""selfhelp_hours_per_seat_year": 0"#,
        r#""selfhelp_hours_per_seat_year": 2"#,
    );
    let enterprise = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {}, "support_reduction": 0.75 }"#;
    let r = run(
        &two_option_config(&assumptions, enterprise, ""),
        r#"{"team_size": 20, "scale": 1, "horizon": 2, "team_growth": 0.5}"#,
    );
    // y1: 20 seats × 2 h × 50 = 2,000; y2: 30 seats × 2 × 50 = 3,000
    close(option(&r, "community").years[0].self_help, 2_000.0);
    close(option(&r, "community").years[1].self_help, 3_000.0);
    // enterprise: 2,000 × (1 − 0.75) = 500
    close(option(&r, "enterprise").years[0].self_help, 500.0);
}

#[test]
fn downtime_by_kind() {
    let assumptions = ROUND
        .replace(
            r#""self_hosted_availability": 1"#,
            r#""self_hosted_availability": 0.99"#,
        )
        .replace(r#""productivity_loss": 0"#, r#""productivity_loss": 0.5"#)
        + r#", "business_cost_per_down_hour": 100"#;
    let enterprise = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {}, "downtime_reduction": 0.5 }"#;
    let cloud =
        r#"{ "id": "cloud", "kind": "cloud", "name": "C", "price": {}, "availability": 0.999 }"#;
    let r = run(
        &two_option_config(&assumptions, &format!("{enterprise}, {cloud}"), ""),
        r#"{"team_size": 20, "scale": 1, "horizon": 1}"#,
    );
    // one hour down costs 20 × 0.5 × 50 + 100 = 600
    // community: (1 − 0.99) × 8,760 = 87.6 h × 600 = 52,560
    close(option(&r, "community").years[0].downtime, 52_560.0);
    // enterprise: 87.6 × (1 − 0.5) = 43.8 h × 600 = 26,280
    close(option(&r, "enterprise").years[0].downtime, 26_280.0);
    // cloud: (1 − 0.999) × 8,760 = 8.76 h × 600 = 5,256
    close(option(&r, "cloud").years[0].downtime, 5_256.0);
}

/// A config whose one requirement `req` is met by enterprise as `treatment`.
fn requirement_config(treatment: &str) -> String {
    let enterprise = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {} }"#;
    let requirement = format!(
        r#"{{ "id": "req", "name": "A requirement", "community": "included", "enterprise": {treatment} }}"#
    );
    two_option_config(ROUND, enterprise, &requirement)
}

const WITH_REQ: &str = r#"{"team_size": 1, "scale": 1, "horizon": 3, "requirements": ["req"]}"#;
const WITHOUT_REQ: &str = r#"{"team_size": 1, "scale": 1, "horizon": 3, "requirements": []}"#;

#[test]
fn requirement_included_costs_nothing() {
    let r = run(&requirement_config(r#""included""#), WITH_REQ);
    let e = option(&r, "enterprise");
    assert!(e.qualified);
    assert!(e.years.iter().all(|y| y.compliance == 0.0));
    close(e.one_time.compliance_build, 0.0);
}

#[test]
fn requirement_addon_every_year() {
    let r = run(
        &requirement_config(r#"{ "addon": { "per_year": 1000 } }"#),
        WITH_REQ,
    );
    let e = option(&r, "enterprise");
    // 1,000 in each of the 3 years; nothing one-time
    for y in &e.years {
        close(y.compliance, 1_000.0);
    }
    close(e.one_time.compliance_build, 0.0);
    close(e.total, 3_000.0);
}

#[test]
fn requirement_external_same_arithmetic_as_addon() {
    let r = run(
        &requirement_config(r#"{ "external": { "per_year": 2000 } }"#),
        WITH_REQ,
    );
    let e = option(&r, "enterprise");
    for y in &e.years {
        close(y.compliance, 2_000.0);
    }
    close(e.total, 6_000.0);
}

#[test]
fn requirement_build_once_then_upkeep_from_year_two() {
    let r = run(
        &requirement_config(r#"{ "build": { "weeks": 4, "upkeep": 0.25 } }"#),
        WITH_REQ,
    );
    let e = option(&r, "enterprise");
    // build: 4 weeks × 40 h × 50 = 8,000, once at t = 0
    close(e.one_time.compliance_build, 8_000.0);
    // upkeep: 0.25 × 8,000 = 2,000 in years 2 and 3, none in year 1
    close(e.years[0].compliance, 0.0);
    close(e.years[1].compliance, 2_000.0);
    close(e.years[2].compliance, 2_000.0);
    // total: 8,000 + 2 × 2,000 = 12,000
    close(e.total, 12_000.0);
}

#[test]
fn requirement_unavailable_disqualifies_but_still_costs() {
    let r = run(&requirement_config(r#""unavailable""#), WITH_REQ);
    let e = option(&r, "enterprise");
    assert!(!e.qualified);
    assert_eq!(e.unmet, vec!["req".to_string()]);
    // never recommended, even though enterprise here is as cheap as community
    assert_eq!(r.recommended.as_deref(), Some("community"));
    // a missing entry is unavailable too (spec §9)
    let missing = two_option_config(
        ROUND,
        r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {} }"#,
        r#"{ "id": "req", "name": "R", "community": "included" }"#,
    );
    assert!(!option(&run(&missing, WITH_REQ), "enterprise").qualified);
}

#[test]
fn only_selected_requirements_count() {
    let r = run(
        &requirement_config(r#"{ "addon": { "per_year": 1000 } }"#),
        WITHOUT_REQ,
    );
    close(option(&r, "enterprise").total, 0.0);
    let r = run(&requirement_config(r#""unavailable""#), WITHOUT_REQ);
    assert!(option(&r, "enterprise").qualified);
}

#[test]
fn migration_is_one_time_for_paid_options_only() {
    let assumptions = ROUND.replace(r#""migration_weeks": 0"#, r#""migration_weeks": 2"#);
    let r = run(
        &two_option_config(
            &assumptions,
            r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {} }"#,
            "",
        ),
        WITHOUT_REQ,
    );
    // 2 weeks × 40 h × 50 = 4,000
    close(option(&r, "enterprise").one_time.migration, 4_000.0);
    close(option(&r, "community").one_time.migration, 0.0);
}

#[test]
fn present_cost_follows_spreadsheet_npv() {
    // Recurring 1,000 a year for 3 years at r = 10 %, plus 500 one-time:
    // Excel: =500 + NPV(10%, 1000, 1000, 1000) = 500 + 909.0909 + 826.4463 + 751.3148 = 2,986.85
    let assumptions = ROUND
        .replace(r#""discount_rate": 0"#, r#""discount_rate": 0.1"#)
        .replace(r#""migration_weeks": 0"#, r#""migration_weeks": 0.25"#);
    // migration: 0.25 weeks × 40 h × 50 = 500; licence: flat 1,000 a year
    let paid = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": { "platform_fee": 1000 } }"#;
    let r = run(
        &two_option_config(&assumptions, paid, ""),
        r#"{"team_size": 1, "scale": 1, "horizon": 3}"#,
    );
    let e = option(&r, "enterprise");
    close(e.present_cost, 2_986.85);
    close(e.total, 3_500.0);
    // Year y is discounted as if paid at its end: the first year already by 1.1.
    close(
        e.present_cost - 500.0,
        1000.0 / 1.1 + 1000.0 / 1.21 + 1000.0 / 1.331,
    );
}

#[test]
fn savings_roi_and_payback() {
    // community: ops (10 h/month) × 12 × 50 = 6,000 a year → 12,000 over 2 years.
    // enterprise: ops cut by half (3,000) + licence 1,200 → 4,200 a year; migration 0.5 wk = 1,000.
    let assumptions = format!(r#"{ROUND}, "ops_base_hours_month": 10"#)
        .replace(r#""migration_weeks": 0"#, r#""migration_weeks": 0.5"#);
    let paid = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": { "platform_fee": 1200 }, "ops_reduction": 0.5 }"#;
    let r = run(
        &two_option_config(&assumptions, paid, ""),
        r#"{"team_size": 1, "scale": 1, "horizon": 2}"#,
    );
    let e = option(&r, "enterprise");
    // savings (r = 0): 12,000 − (1,000 + 8,400) = 2,600
    close(e.savings.unwrap(), 2_600.0);
    // roi: 2,600 / (1,000 migration + 2,400 licence) = 0.7647
    assert!((e.roi.unwrap() - 2_600.0 / 3_400.0).abs() < 1e-12);
    // payback: monthly community 500, enterprise 350 after 1,000 up front:
    // 1,000 + 350 m ≤ 500 m ⟺ m ≥ 6.67 → month 7
    assert_eq!(e.payback_month, Some(7));
    assert_eq!(r.recommended.as_deref(), Some("enterprise"));
    let c = option(&r, "community");
    assert_eq!((c.savings, c.roi, c.payback_month), (None, None, None));
    assert!(c.wins_team_size.is_none());
}

#[test]
fn payback_none_when_never_cheaper_and_roi_none_without_investment() {
    let assumptions = format!(r#"{ROUND}, "ops_base_hours_month": 10"#);
    // Costs more every month: never pays back.
    let paid = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": { "platform_fee": 99999 } }"#;
    let r = run(
        &two_option_config(&assumptions, paid, ""),
        r#"{"team_size": 1, "scale": 1, "horizon": 2}"#,
    );
    assert_eq!(option(&r, "enterprise").payback_month, None);
    assert_eq!(r.recommended.as_deref(), Some("community"));
    // Free licence, no migration: nothing invested, so ROI is absent.
    let free = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {}, "ops_reduction": 0.5 }"#;
    let r = run(
        &two_option_config(&assumptions, free, ""),
        r#"{"team_size": 1, "scale": 1, "horizon": 2}"#,
    );
    assert_eq!(option(&r, "enterprise").roi, None);
    assert_eq!(option(&r, "enterprise").payback_month, Some(1));
}

#[test]
fn ties_go_to_the_option_listed_first() {
    // Enterprise costs exactly what community does (both 0): community is listed first.
    let r = run(
        &two_option_config(
            ROUND,
            r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {} }"#,
            "",
        ),
        WITHOUT_REQ,
    );
    assert_eq!(r.recommended.as_deref(), Some("community"));
}

/// Community pays 100 per seat a year in self-help (2 h × 50); the paid option removes it.
fn seat_config(price: &str) -> String {
    let assumptions = ROUND.replace(
        r#""selfhelp_hours_per_seat_year": 0"#,
        r#""selfhelp_hours_per_seat_year": 2"#,
    );
    let paid = format!(
        r#"{{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": {price}, "support_reduction": 1 }}"#
    );
    two_option_config(&assumptions, &paid, "")
}

const ONE_YEAR: &str =
    r#"{"team_size": 10, "scale": 1, "horizon": 1, "team_growth": 0, "scale_growth": 0}"#;

#[test]
fn wins_team_size_linear_crossover() {
    // 10,000 + 50 T ≤ 100 T ⟺ T ≥ 200
    let r = run(
        &seat_config(r#"{ "platform_fee": 10000, "bands": [ { "per_seat": 50 } ] }"#),
        ONE_YEAR,
    );
    assert_eq!(
        option(&r, "enterprise").wins_team_size,
        Some(vec![[200, 1_000_000]])
    );
}

#[test]
fn wins_team_size_with_minimum() {
    // max(30,000, 10,000 + 50 T) ≤ 100 T ⟺ T ≥ 300
    let r = run(
        &seat_config(
            r#"{ "platform_fee": 10000, "bands": [ { "per_seat": 50 } ], "minimum": 30000 }"#,
        ),
        ONE_YEAR,
    );
    assert_eq!(
        option(&r, "enterprise").wins_team_size,
        Some(vec![[300, 1_000_000]])
    );
}

#[test]
fn wins_team_size_two_intervals_from_bands() {
    // free up to 100 seats; 150 a seat to 1,000; free above. Wins while 150 (T − 100) ≤ 100 T,
    // i.e. T ≤ 300, and again once 135,000 ≤ 100 T, i.e. T ≥ 1,350.
    let price = r#"{ "bands": [ { "up_to": 100, "per_seat": 0 }, { "up_to": 1000, "per_seat": 150 }, { "per_seat": 0 } ] }"#;
    let r = run(&seat_config(price), ONE_YEAR);
    assert_eq!(
        option(&r, "enterprise").wins_team_size,
        Some(vec![[1, 300], [1_350, 1_000_000]])
    );
}

#[test]
fn wins_team_size_with_growth_moves_band_edges() {
    // Team doubles in year 2 (horizon 2, r = 0): community pays 100 T + 200 T = 300 T.
    // Enterprise: 150 a seat above 100 seats, each year: y1 150 (T − 100)⁺, y2 150 (2T − 100)⁺.
    // For 50 ≤ T ≤ 100: 150 (2T − 100) ≤ 300 T always. For T > 100: 150 (3T − 200) ≤ 300 T
    // ⟺ 150 T ≤ 30,000 ⟺ T ≤ 200.
    let price = r#"{ "bands": [ { "up_to": 100, "per_seat": 0 }, { "per_seat": 150 } ] }"#;
    let r = run(
        &seat_config(price),
        r#"{"team_size": 10, "scale": 1, "horizon": 2, "team_growth": 1, "scale_growth": 0}"#,
    );
    assert_eq!(
        option(&r, "enterprise").wins_team_size,
        Some(vec![[1, 200]])
    );
}

#[test]
fn wins_scale() {
    // community: infra 100 × 12 = 1,200 per unit, ops (10 + 2 S) × 12 × 50 = 6,000 + 1,200 S
    // → 6,000 + 2,400 S a year. Cloud: 2,000 + 5,000 S. Wins while 2,600 S ≤ 4,000: S ≤ 1.54.
    let assumptions = format!(
        r#"{ROUND}, "infra_per_unit_month": 100, "ops_base_hours_month": 10, "ops_hours_per_unit_month": 2"#
    );
    let cloud = r#"{ "id": "cloud", "kind": "cloud", "name": "C", "price": { "platform_fee": 2000, "per_unit": 5000 }, "availability": 1 }"#;
    let r = run(&two_option_config(&assumptions, cloud, ""), ONE_YEAR);
    assert_eq!(option(&r, "cloud").wins_scale, Some(vec![[1, 1]]));
    // A minimum of 9,000 lifts small scales: max(9,000, 2,000 + 5,000 S) ≤ 6,000 + 2,400 S
    // never holds at S = 1 (9,000 > 8,400) and S ≥ 2 (12,000 > 10,800): never.
    let cloud_min = cloud.replace(
        r#""per_unit": 5000"#,
        r#""per_unit": 5000, "minimum": 9000"#,
    );
    let r = run(&two_option_config(&assumptions, &cloud_min, ""), ONE_YEAR);
    assert_eq!(option(&r, "cloud").wins_scale, Some(vec![]));
    // Cheaper per unit than self-hosting: wins from the scale where the minimum stops
    // mattering: max(20,000, 1,000 S) ≤ 6,000 + 2,400 S ⟺ S ≥ 5.83 → from 6.
    let cloud_big = r#"{ "id": "cloud", "kind": "cloud", "name": "C", "price": { "per_unit": 1000, "minimum": 20000 }, "availability": 1 }"#;
    let r = run(&two_option_config(&assumptions, cloud_big, ""), ONE_YEAR);
    assert_eq!(option(&r, "cloud").wins_scale, Some(vec![[6, 1_000_000]]));
}

#[test]
fn sensitivity_ranks_by_swing() {
    let c = sample("stream-platform.json");
    let s = tierwise::model::Scenario::defaults(&c);
    let r = evaluate(&c, &s);
    assert!(r
        .sensitivity
        .windows(2)
        .all(|w| w[0].swing() >= w[1].swing()));
    // Every ranged assumption has a row; work_hours and discount_rate have no range.
    assert_eq!(r.sensitivity.len(), 9);
    let target = r.sensitivity_option.as_deref().unwrap();
    let base = r
        .options
        .iter()
        .find(|o| o.id == target)
        .unwrap()
        .savings
        .unwrap();
    // A higher engineer cost makes self-hosting dearer, so saves more by paying.
    let e = r
        .sensitivity
        .iter()
        .find(|x| x.assumption == "engineer_cost")
        .unwrap();
    assert!(
        e.low < base && base < e.high,
        "{} < {base} < {}",
        e.low,
        e.high
    );
}

#[test]
fn monte_carlo_is_seeded_and_sane() {
    let c = sample("stream-platform.json");
    let s = scenario(
        &c,
        r#"{"team_size": 40, "scale": 6, "monte_carlo": {"draws": 2000, "seed": 7}}"#,
    );
    let a = evaluate(&c, &s).monte_carlo.unwrap();
    let b = evaluate(&c, &s).monte_carlo.unwrap();
    assert_eq!(a, b);
    assert_eq!((a.draws, a.seed), (2000, 7));
    let share: f64 = a.options.iter().filter_map(|o| o.cheapest_share).sum();
    assert!((share - 1.0).abs() < 1e-12, "shares sum to 1, got {share}");
    for o in &a.options {
        assert!(o.p10 <= o.p50 && o.p50 <= o.p90, "{o:?}");
    }
    let s2 = scenario(
        &c,
        r#"{"team_size": 40, "scale": 6, "monte_carlo": {"draws": 2000, "seed": 8}}"#,
    );
    assert_ne!(
        evaluate(&c, &s2).monte_carlo.unwrap(),
        a,
        "another seed draws other futures"
    );
}

#[test]
fn monte_carlo_figures_are_pinned_across_platforms() {
    // The same seed must give the same figures everywhere: the browser suite checks these too.
    let c = sample("stream-platform.json");
    let s = scenario(
        &c,
        r#"{"team_size": 40, "scale": 6, "monte_carlo": {"draws": 1000, "seed": 42}}"#,
    );
    let mc = evaluate(&c, &s).monte_carlo.unwrap();
    let p50: Vec<u64> = mc.options.iter().map(|o| o.p50.to_bits()).collect();
    assert_eq!(p50, pins::MC_P50_BITS.to_vec(), "p50 as bits: {p50:?}");
}

#[test]
fn wins_team_size_in_a_dip_at_the_price_minimum() {
    // Community: 3 h × 50 = 150 a seat in self-help, plus base ops 10 h × 12 × 50 = 6,000.
    // Enterprise removes both and costs max(14,000, 200 T). It wins only around the kink at
    // T = 70: from 14,000 ≤ 150 T + 6,000 (T ≥ 53.3) to 200 T ≤ 150 T + 6,000 (T ≤ 120).
    let assumptions = format!(r#"{ROUND}, "ops_base_hours_month": 10"#).replace(
        r#""selfhelp_hours_per_seat_year": 0"#,
        r#""selfhelp_hours_per_seat_year": 3"#,
    );
    let paid = r#"{ "id": "enterprise", "kind": "enterprise", "name": "E", "price": { "bands": [ { "per_seat": 200 } ], "minimum": 14000 },
                   "ops_reduction": 1, "support_reduction": 1 }"#;
    let r = run(&two_option_config(&assumptions, paid, ""), ONE_YEAR);
    assert_eq!(
        option(&r, "enterprise").wins_team_size,
        Some(vec![[54, 120]])
    );
}
