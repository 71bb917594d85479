//! The words around the figures: verdicts, "show the math", links, CSV and comparisons.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use tierwise::model::assumptions::Key;
use tierwise::model::explain::{explain, explain_expected, Line};
use tierwise::model::numbers::{Numbers, Plain};
use tierwise::model::share::{csv, differences, from_query, to_query};
use tierwise::model::verdict::{
    confidence, disqualified_because, quote_words, runner_up_sentence, share_words, verdict,
    Confidence,
};
use tierwise::model::{evaluate, Model, Scenario};

fn usd() -> Plain {
    Plain {
        currency: "USD".into(),
    }
}

fn pairs(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.split_once('=')
                .map_or((p.to_owned(), String::new()), |(k, v)| (k.into(), v.into()))
        })
        .collect()
}

/// Every verdict of a grid of scenarios over the samples, with its confidence.
fn verdicts() -> Vec<(String, Option<Confidence>, String)> {
    let mut out = Vec::new();
    for name in sample_names() {
        let c = sample(&name);
        for team in [3, 10, 40, 120, 400, 2000] {
            for scale in [1, 6, 30] {
                for reqs in [vec![], c.defaults.requirements.clone()] {
                    let s = scenario(
                        &c,
                        &format!(
                            r#"{{"team_size": {team}, "scale": {scale}, "requirements": {reqs:?}, "monte_carlo": {{"draws": 400, "seed": 1}}}}"#
                        ),
                    );
                    let r = evaluate(&c, &s);
                    let mc = r.monte_carlo.as_ref();
                    out.push((
                        format!("{name} team {team} scale {scale} {reqs:?}"),
                        confidence(&r, mc),
                        verdict(&c, &s, &r, mc, &usd()),
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn the_verdict_is_worded_by_how_sure_it_is() {
    let all = verdicts();
    let mut seen = std::collections::BTreeSet::new();
    for (at, sure, text) in &all {
        // No false precision: no cents, no decimal percentages, "about" before money.
        assert!(!text.contains('%'), "{at}: {text}");
        assert!(
            !text.contains("NaN") && !text.contains("inf"),
            "{at}: {text}"
        );
        let rest = text.split_once(": ").map_or("", |x| x.1);
        match sure {
            Some(Confidence::CloseCall) => {
                assert!(text.starts_with("Close call between "), "{at}: {text}")
            }
            Some(Confidence::Likely) => assert!(
                text.contains(" likely ") && text.contains(" of 10 simulated futures"),
                "{at}: {text}"
            ),
            Some(Confidence::Clear) => assert!(
                !text.contains(" likely ") && !text.starts_with("Close call"),
                "{at}: {text}"
            ),
            None => assert!(text.starts_with("No option fits: "), "{at}: {text}"),
        }
        if text.contains("saves") || text.contains("less over") {
            assert!(rest.contains("about USD "), "{at}: {text}");
        }
        seen.insert(format!("{sure:?}"));
    }
    if std::env::var("SHOW_VERDICTS").is_ok() {
        for (at, sure, text) in &all {
            println!("{at} [{sure:?}]: {text}");
        }
    }
    // The grid holds every kind of verdict.
    for kind in ["Some(Clear)", "Some(Likely)", "Some(CloseCall)"] {
        assert!(
            seen.contains(kind),
            "no {kind} verdict on the grid: {seen:?}"
        );
    }
}

#[test]
fn a_clear_verdict_names_savings_payback_and_the_share_in_tenths() {
    let c = sample("stream-platform.json");
    let s = scenario(
        &c,
        r#"{"team_size": 40, "scale": 6, "requirements": ["sso", "audit_log"], "monte_carlo": {"draws": 1000, "seed": 42}}"#,
    );
    let r = evaluate(&c, &s);
    let mc = r.monte_carlo.as_ref();
    let best = r
        .options
        .iter()
        .find(|o| Some(&o.id) == r.recommended.as_ref())
        .unwrap();
    let share = mc
        .unwrap()
        .options
        .iter()
        .find(|o| o.id == best.id)
        .unwrap()
        .cheapest_share
        .unwrap();
    assert_eq!(confidence(&r, mc), Some(Confidence::Clear), "share {share}");
    let n = usd();
    assert_eq!(
        verdict(&c, &s, &r, mc, &n),
        format!(
            "{} pays off: saves about {} over 3 years, pays back in month {} — cheapest in {}.",
            best.name,
            n.about(best.savings.unwrap()),
            best.payback_month.unwrap(),
            share_words(share, &n)
        )
    );
    // Before the simulation has run the recommendation is the same; only the clause is missing.
    assert_eq!(
        verdict(&c, &s, &r, None, &n),
        format!(
            "{} pays off: saves about {} over 3 years, pays back in month {}.",
            best.name,
            n.about(best.savings.unwrap()),
            best.payback_month.unwrap()
        )
    );
}

#[test]
fn shares_read_in_tenths_never_all_or_none_unless_they_are() {
    assert_eq!(share_words(0.6843, &usd()), "6 of 10 simulated futures");
    assert_eq!(share_words(0.79, &usd()), "7 of 10 simulated futures");
    assert_eq!(share_words(0.8, &usd()), "8 of 10 simulated futures");
    assert_eq!(share_words(0.999, &usd()), "9 of 10 simulated futures");
    assert_eq!(share_words(0.12, &usd()), "1 of 10 simulated futures");
    assert_eq!(
        share_words(0.01, &usd()),
        "fewer than 1 of 10 simulated futures"
    );
    assert_eq!(
        share_words(1.0, &usd()),
        "every one of the simulated futures"
    );
    assert_eq!(share_words(0.0, &usd()), "none of the simulated futures");
}

#[test]
fn a_close_call_names_both_options_and_what_decides_it() {
    let (at, _, text) = verdicts()
        .into_iter()
        .find(|(_, sure, _)| *sure == Some(Confidence::CloseCall))
        .unwrap();
    let re = text
        .strip_prefix("Close call between ")
        .unwrap_or_else(|| panic!("{at}: {text}"));
    assert!(re.contains(" and "), "{at}: {text}");
    assert!(
        re.contains("less over") && re.contains("on average"),
        "{at}: {text}"
    );
    assert!(re.contains("; what decides it: "), "{at}: {text}");
}

#[test]
fn verdict_when_community_wins() {
    let c = sample("stream-platform.json");
    let s = scenario(&c, r#"{"team_size": 30, "scale": 60, "requirements": []}"#);
    let r = evaluate(&c, &s);
    assert_eq!(r.recommended.as_deref(), Some("community"));
    let cheapest_paid = r
        .options
        .iter()
        .skip(1)
        .min_by(|a, b| a.expected_present_cost.total_cmp(&b.expected_present_cost))
        .unwrap();
    let n = usd();
    assert_eq!(
        verdict(&c, &s, &r, None, &n),
        format!(
            "Stay on the community edition: self-hosting Community (self-hosted) costs about {} less over 3 years than {}, the cheapest paid option.",
            n.about(cheapest_paid.expected_present_cost - r.options[0].expected_present_cost),
            cheapest_paid.name
        )
    );
}

#[test]
fn verdict_when_nothing_qualifies() {
    let c = sample("devtool-seats.json");
    // FedRAMP is cloud-only; keeping data in our own data centre rules the cloud out.
    let s = scenario(
        &c,
        r#"{"team_size": 50, "scale": 4, "requirements": ["fedramp", "data_residency"]}"#,
    );
    let r = evaluate(&c, &s);
    assert_eq!(r.recommended, None);
    assert_eq!(
        verdict(&c, &s, &r, None, &usd()),
        "No option fits: \
         Forgeline Community cannot meet FedRAMP Moderate authorisation; \
         Forgeline Cloud Free cannot meet Data kept in our own data centre, FedRAMP Moderate authorisation; up to 5 users, you reach 50 in year 1; up to 2 CI runners, you reach 4 in year 1; \
         Forgeline Cloud Team cannot meet Data kept in our own data centre, FedRAMP Moderate authorisation; \
         Forgeline Enterprise cannot meet FedRAMP Moderate authorisation; \
         Forgeline Dedicated cannot meet Data kept in our own data centre; sold from 200 users, you have 50 in year 1."
    );
}

#[test]
fn a_quoted_price_reads_as_an_estimate_range() {
    let c = sample("devtool-seats.json");
    let s = scenario(&c, r#"{"team_size": 120, "scale": 8, "horizon": 1}"#);
    let r = evaluate(&c, &s);
    let e = r.options.iter().find(|o| o.id == "enterprise").unwrap();
    let (low, high) = c.options[3].price().unwrap().quote.unwrap();
    let n = usd();
    assert_eq!(
        quote_words(&c, e, &n).unwrap(),
        format!(
            "price on request — estimated {}–{} a year",
            n.about(e.years[0].licence * low),
            n.about(e.years[0].licence * high)
        )
    );
    // A list price has no estimate.
    assert_eq!(quote_words(&c, &r.options[2], &n), None);
}

#[test]
fn a_plan_limit_says_the_year_it_breaks() {
    let c = sample("devtool-seats.json");
    // 200 users growing 20 % a year: 200, 240, 288 on a 250-user Team plan.
    let s = scenario(&c, r#"{"team_size": 200, "scale": 4, "team_growth": 0.2}"#);
    let r = evaluate(&c, &s);
    let team = r.options.iter().find(|o| o.id == "cloud_team").unwrap();
    assert_eq!(
        disqualified_because(&c, &s, team, &usd()),
        "up to 250 users, you reach 288 in year 3"
    );
}

#[test]
fn the_math_of_every_line_ends_in_its_value() {
    let c = sample("stream-platform.json");
    let s = scenario(
        &c,
        r#"{"team_size": 40, "scale": 6, "requirements": ["sso", "audit_log", "scim"]}"#,
    );
    let r = evaluate(&c, &s);
    let model = Model::new(&c, &s);
    let n = usd();
    for (i, o) in r.options.iter().enumerate() {
        for y in &o.years {
            let values = [
                y.licence,
                y.infrastructure,
                y.operations,
                y.self_help,
                y.downtime,
                y.compliance,
            ];
            for (line, value) in Line::YEARLY.into_iter().zip(values) {
                let text = explain(&model, i, y.year, line, &n);
                assert!(text.starts_with(&line.label(&n)), "{text}");
                assert!(
                    text.ends_with(&format!("= {}", n.money(value))),
                    "{} year {}: {text}",
                    o.id,
                    y.year
                );
            }
        }
        for (line, value) in Line::ONE_TIME
            .into_iter()
            .zip([o.one_time.migration, o.one_time.compliance_build])
        {
            assert!(explain(&model, i, 1, line, &n).ends_with(&format!("= {}", n.money(value))));
        }
    }
}

#[test]
fn the_math_substitutes_the_actual_numbers() {
    let c = sample("stream-platform.json");
    let s = scenario(
        &c,
        r#"{"team_size": 40, "scale": 6, "requirements": ["sso", "audit_log"]}"#,
    );
    let model = Model::new(&c, &s);
    let n = usd();
    // Year 2: 48 users, 7.8 nodes; h = 180,000 / 1,800 = 100.
    assert_eq!(
        explain(&model, 1, 2, Line::Licence, &n),
        "Licence: max(minimum USD 50,000, platform fee USD 15,000 + seats (48 × USD 600) + 7.8 broker nodes × USD 2,400) \
         × (1 − 10% term discount), for 48 users in year 2 = USD 56,268"
    );
    assert_eq!(
        explain(&model, 0, 2, Line::Operations, &n),
        "Operations: (20 h + 3 h × 7.8 broker nodes) a month × 12 × USD 100/h (= USD 180,000 ÷ 1,800 h) = USD 52,080"
    );
    assert_eq!(
        explain(&model, 1, 1, Line::Downtime, &n),
        "Downtime: 8.76 h down (99.8% uptime × 8,760 h × (1 − 50% downtime reduction)) × (40 users × 30% productivity lost × \
         USD 100/h (= USD 180,000 ÷ 1,800 h) + USD 0 business cost an hour) = USD 10,512"
    );
    assert_eq!(
        explain(&model, 0, 1, Line::ComplianceBuild, &n),
        "Compliance build: (Single sign-on (SAML/OIDC) 6 weeks + Audit logging 8 weeks) × 40 h × USD 100/h (= USD 180,000 ÷ 1,800 h), once = USD 56,000"
    );
    assert_eq!(
        explain(&model, 0, 2, Line::Compliance, &n),
        "Compliance: Single sign-on (SAML/OIDC): upkeep 20% × (6 weeks × 40 h × USD 100/h (= USD 180,000 ÷ 1,800 h)) + \
         Audit logging: upkeep 25% × (8 weeks × 40 h × USD 100/h (= USD 180,000 ÷ 1,800 h)) = USD 12,800"
    );
}

#[test]
fn a_link_round_trips_exactly() {
    let c = sample("framework-platform.json");
    let mut s = scenario(
        &c,
        r#"{"team_size": 37, "scale": 2.5, "horizon": 7, "team_growth": 0.123456789, "scale_growth": -0.25, "requirements": ["rbac", "sso"]}"#,
    );
    s.assumptions.get_mut(Key::EngineerCost).value = 123_456.78;
    s.assumptions.get_mut(Key::DiscountRate).range = Some((0.03, 0.12));
    let n = usd();
    let q = to_query(&c, &s, &n);
    let text: Vec<String> = q.iter().map(|(k, v)| format!("{k}={v}")).collect();
    assert_eq!(
        text.join("&"),
        "team_size=37&scale=2.5&horizon=7&team_growth=0.123456789&scale_growth=-0.25&requirements=sso,rbac\
         &engineer_cost=123456.78&discount_rate.low=0.03&discount_rate.high=0.12"
    );
    let (back, problems) = from_query(&c, &q, &n);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back, s);
}

#[test]
fn a_tampered_link_keeps_what_is_valid_and_says_what_it_ignored() {
    let c = sample("stream-platform.json");
    let q = pairs("config=x.json&team_size=120&scale=-4&horizon=abc&requirements=sso,hipaa&engineer_cost=9e99&work_hours=2000&colour=red&migration_weeks.low=3");
    let (s, problems) = from_query(&c, &q, &usd());
    assert_eq!(s.team_size, 120.0);
    assert_eq!(s.scale, c.defaults.scale);
    assert_eq!(s.horizon, c.defaults.horizon);
    assert_eq!(s.requirements, vec!["sso".to_string()]);
    assert_eq!(s.assumptions.get(Key::WorkHours).value, 2000.0);
    assert_eq!(s.assumptions.get(Key::EngineerCost).value, 180_000.0);
    let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        messages,
        vec![
            "colour is not a setting Tierwise knows; it was ignored",
            "scale is -4, but must be more than 0, and at most 1,000,000",
            "horizon must be a number, not a string",
            "requirements[1] names an unknown requirement \"hipaa\"",
            "assumptions.engineer_cost is 9e99, but must be between 0 and 10,000,000",
            "assumptions.migration_weeks.high is missing: low and high go together",
        ]
    );
}

#[test]
fn an_empty_link_is_the_config_default() {
    let c = sample("devtool-seats.json");
    let (s, problems) = from_query(&c, &[], &usd());
    assert!(problems.is_empty());
    assert_eq!(s, Scenario::defaults(&c));
}

#[test]
fn csv_has_a_row_per_option_view_and_year() {
    let c = sample("stream-platform.json");
    let s = scenario(
        &c,
        r#"{"team_size": 40, "scale": 6, "horizon": 2, "requirements": ["sso"]}"#,
    );
    let r = evaluate(&c, &s);
    let text = csv(&tierwise::model::Model::new(&c, &s), &usd());
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "option,view,year,licence,infrastructure,operations,self_help,downtime,compliance,migration,compliance_build,total");
    // 3 options × 2 views × (one-time row + 2 years).
    assert_eq!(rows.len(), 1 + 3 * 2 * 3);
    let community_build: Vec<&str> = rows[1].split(',').collect();
    assert_eq!(
        community_build[..3],
        ["Community (self-hosted)", "values", "0"]
    );
    assert_eq!(community_build[10], "24000");
    // Each view's rows add up to the option's total in that view.
    for o in &r.options {
        for (view, total) in [("values", o.total), ("expected", o.expected_total)] {
            let sum: f64 = rows
                .iter()
                .skip(1)
                .filter(|l| l.starts_with(&format!("{},{view},", o.name)))
                .map(|l| l.rsplit(',').next().unwrap().parse::<f64>().unwrap())
                .sum();
            close(sum, total);
        }
    }
}

#[test]
fn differences_between_two_scenarios() {
    let c = sample("stream-platform.json");
    let a = Scenario::defaults(&c);
    let mut b = a.clone();
    b.team_size = 120.0;
    b.requirements = vec!["sso".into()];
    b.assumptions.get_mut(Key::SelfHostedAvailability).value = 0.99;
    let d = differences(&c, &a, &b, &usd());
    let rows: Vec<(String, String, String)> = d.into_iter().map(|d| (d.label, d.a, d.b)).collect();
    assert_eq!(
        rows,
        vec![
            ("Team size".into(), "40".into(), "120".into()),
            (
                "Requirements".into(),
                "Single sign-on (SAML/OIDC), Audit logging".into(),
                "Single sign-on (SAML/OIDC)".into()
            ),
            (
                "Self-hosted availability".into(),
                "99.8%".into(),
                "99%".into()
            ),
        ]
    );
}

/// The scenarios the end-to-end newcomer's path opens (tests/e2e/calculator.test.mjs), with the
/// widget's own simulation (10,000 draws, seed 42): one clear, one likely, one close call.
#[test]
fn the_newcomer_scenarios_are_clear_likely_and_a_close_call() {
    for (config, json, want) in [
        (
            "devtool-seats.json",
            r#"{"team_size": 40, "scale": 6, "requirements": ["sso"]}"#,
            Confidence::Clear,
        ),
        (
            "framework-platform.json",
            r#"{"team_size": 120, "scale": 1, "requirements": ["sso"]}"#,
            Confidence::Likely,
        ),
        (
            "devtool-seats.json",
            r#"{"team_size": 2000, "scale": 1, "requirements": []}"#,
            Confidence::CloseCall,
        ),
    ] {
        let c = sample(config);
        let mut s = scenario(&c, json);
        s.monte_carlo = Some(tierwise::model::scenario::MonteCarloSpec {
            draws: 10_000,
            seed: 42,
        });
        let r = evaluate(&c, &s);
        let mc = r.monte_carlo.as_ref();
        assert_eq!(
            confidence(&r, mc),
            Some(want),
            "{config} {json}: {}",
            verdict(&c, &s, &r, mc, &usd())
        );
    }
}

#[test]
fn compact_mode_names_the_runner_up() {
    let c = sample("devtool-seats.json");
    let s = scenario(
        &c,
        r#"{"team_size": 120, "scale": 8, "requirements": ["sso"]}"#,
    );
    let r = evaluate(&c, &s);
    let best = r
        .options
        .iter()
        .find(|o| Some(&o.id) == r.recommended.as_ref())
        .unwrap();
    let next = r
        .options
        .iter()
        .filter(|o| o.qualified && o.id != best.id)
        .min_by(|a, b| a.expected_present_cost.total_cmp(&b.expected_present_cost))
        .unwrap();
    let n = usd();
    assert_eq!(
        runner_up_sentence(&r, 3, &n).unwrap(),
        format!(
            "Next best: {}, about {} more over 3 years.",
            next.name,
            n.about(next.expected_present_cost - best.expected_present_cost)
        )
    );
    // Nothing fits: no runner-up to name.
    let s = scenario(
        &c,
        r#"{"team_size": 50, "scale": 4, "requirements": ["fedramp", "data_residency"]}"#,
    );
    assert_eq!(runner_up_sentence(&evaluate(&c, &s), 3, &n), None);
}

#[test]
fn the_math_of_the_expected_view_names_each_mean_e_1_over_w_and_the_discount_factors() {
    let c = sample("devtool-seats.json");
    let s = scenario(
        &c,
        r#"{"team_size": 120, "scale": 8, "horizon": 2, "assumptions": {"work_hours": {"value": 1800, "low": 1500, "high": 2000}}}"#,
    );
    let m = Model::new(&c, &s);
    let n = usd();
    let lines = explain_expected(&m, &n);
    // One line per ranged input (the sample ranges every assumption) and quote, then three.
    let ranged = m.uncertain().len();
    assert_eq!(lines.len(), ranged + 3, "{lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("Engineer cost: mean of low USD 125,000, value USD 165,000 and high USD 240,000 = USD 176,667")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.starts_with("Forgeline Enterprise's quoted price: the typical deal × the mean of 0.65, 1 and 1.05 = × 0.9")), "{lines:#?}");
    let p = m.expected_point();
    let hourly = lines
        .iter()
        .find(|l| l.starts_with("Expected hourly rate"))
        .unwrap();
    assert_eq!(
        hourly,
        &format!(
            "Expected hourly rate: USD 176,667 × E[1 ÷ hours] = 1 ÷ {} h = {}/h (at your figures {}/h)",
            n.number(p.values.get(Key::EngineerCost) / p.hourly),
            n.money(p.hourly),
            n.money(m.point().hourly)
        )
    );
    let discount = lines
        .iter()
        .find(|l| l.starts_with("Expected discount factors"))
        .unwrap();
    assert!(
        discount.contains("year 1: ")
            && discount.contains("year 2: ")
            && !discount.contains("year 3"),
        "{discount}"
    );
    assert!(
        discount.contains("(at your figures year 1: 92.59%, year 2: 85.73%)"),
        "{discount}"
    );
}
