//! The widget's words: the catalogues in `src/messages/` translate every built-in message,
//! with the same placeholders; a vendor's overrides (config or JS API) are checked the same way;
//! and the engine's sentences come out in the language they are given.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use tierwise::model::decode::Decoder;
use tierwise::model::messages::{all, placeholders, Messages, LANGUAGES};
use tierwise::model::numbers::{Numbers, Plain};
use tierwise::model::value::Value;
use tierwise::model::verdict::verdict;
use tierwise::model::{evaluate, Config, Scenario};

fn catalogue(lang: &str) -> Value {
    let path = format!("{}/src/messages/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn sorted(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v.dedup();
    v
}

#[test]
fn every_catalogue_has_every_message_with_the_same_placeholders() {
    let files: Vec<String> =
        std::fs::read_dir(format!("{}/src/messages", env!("CARGO_MANIFEST_DIR")))
            .unwrap()
            .map(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .trim_end_matches(".json")
                    .to_owned()
            })
            .collect();
    assert_eq!(
        sorted(files.iter().map(String::as_str).collect()),
        sorted(LANGUAGES.to_vec())
    );
    let en: Vec<(&str, &str)> = all().collect();
    for lang in LANGUAGES {
        let Value::Object(members) = catalogue(lang) else {
            panic!("{lang}.json is not an object");
        };
        let ids: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        let missing: Vec<&str> = en
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| !ids.contains(k))
            .collect();
        let extra: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|k| en.iter().all(|(e, _)| e != k))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
        for (id, text) in &members {
            let Value::String(text) = text else {
                panic!("{lang}: {id} is not text");
            };
            assert!(
                !text.trim().is_empty() || en.iter().any(|(k, e)| k == id && e.trim().is_empty()),
                "{lang}: {id} is empty"
            );
            let english = en.iter().find(|(k, _)| k == id).unwrap().1;
            assert_eq!(
                sorted(placeholders(text)),
                sorted(placeholders(english)),
                "{lang}: {id} must use the placeholders of \"{english}\", not \"{text}\""
            );
        }
        // And the loader's own reading of it finds nothing wrong.
        let mut d = Decoder::default();
        let mut m = Messages::language(lang);
        m.read(&mut d, &catalogue(lang), lang);
        assert!(d.problems.is_empty(), "{lang}: {:?}", d.problems);
        assert_eq!(m.entries().len(), en.len());
    }
}

/// Plain numbers, speaking `words`.
struct Speaking {
    plain: Plain,
    words: Messages,
}

impl Numbers for Speaking {
    fn money(&self, x: f64) -> String {
        self.plain.money(x)
    }
    fn number(&self, x: f64) -> String {
        self.plain.number(x)
    }
    fn about(&self, x: f64) -> String {
        self.plain.about(x)
    }
    fn percent(&self, x: f64) -> String {
        self.plain.percent(x)
    }
    fn exact(&self, x: f64) -> String {
        self.plain.exact(x)
    }
    fn parse(&self, text: &str) -> Option<f64> {
        self.plain.parse(text)
    }
    fn words(&self) -> &Messages {
        &self.words
    }
    fn plural(&self, n: f64) -> &'static str {
        self.plain.plural(n)
    }
}

fn speaking(lang: &'static str) -> Speaking {
    let mut words = Messages::language(lang);
    if lang != "en" {
        words.read(&mut Decoder::default(), &catalogue(lang), lang);
    }
    Speaking {
        plain: Plain {
            currency: "USD".into(),
        },
        words,
    }
}

#[test]
fn the_verdict_comes_out_in_the_language_it_is_given() {
    let config = common::sample("devtool-seats.json");
    let scenario = Scenario::defaults(&config);
    let report = evaluate(&config, &scenario);
    let english = verdict(&config, &scenario, &report, None, &speaking("en"));
    for lang in LANGUAGES {
        let words = speaking(lang);
        let said = verdict(&config, &scenario, &report, None, &words);
        assert_ne!(said, english, "{lang}");
        assert!(
            !said.contains('{'),
            "{lang}: a placeholder is left in \"{said}\""
        );
        // The recommended option's name (the vendor's words) is still in it.
        let best = report.recommended.as_deref().unwrap();
        let name = &config.options.iter().find(|o| o.id == best).unwrap().name;
        assert!(said.contains(name.as_str()), "{lang}: \"{said}\"");
    }
}

#[test]
fn plural_forms_follow_the_count() {
    let en = speaking("en");
    assert_eq!(en.count("years", 1.0, &[]), "1 year");
    assert_eq!(en.count("years", 3.0, &[]), "3 years");
    let de = speaking("de");
    assert_ne!(de.count("years", 1.0, &[]), de.count("years", 3.0, &[]));
}

#[test]
fn a_vendor_overrides_messages_from_its_config_and_mistakes_are_named() {
    let base = std::fs::read_to_string(format!(
        "{}/public/configs/stream-platform.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let with = |messages: &str| {
        let mut json: serde_json::Value = serde_json::from_str(&base).unwrap();
        json["messages"] = serde_json::from_str(messages).unwrap();
        Config::from_value(&common::value(&json.to_string()))
    };
    let config = with(
        r#"{"en": {"card.recommended": "Our pick"}, "de": {"card.recommended": "Unsere Wahl"}}"#,
    )
    .unwrap();
    let de = config.messages.iter().find(|(l, _)| l == "de").unwrap();
    assert_eq!(de.1.get("card.recommended"), "Unsere Wahl");
    assert_eq!(de.1.lang, "de");
    let en = config.messages.iter().find(|(l, _)| l == "en").unwrap();
    assert_eq!(en.1.get("card.recommended"), "Our pick");
    assert_eq!(en.1.get("card.price"), "Price", "the rest stays built in");

    let problems = with(r#"{"en": {"card.recomended": "x", "runner_up": "Next: {optoin}", "years#few": "{n} yrs"}, "tlh": {}}"#)
        .unwrap_err()
        .0
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>();
    assert_eq!(
        problems,
        vec![
            "messages.en[\"card.recomended\"] names an unknown message id \"card.recomended\"".to_owned(),
            "messages.en.runner_up uses {optoin}, but this message's placeholders are {option}, {amount}, {years}".to_owned(),
            "messages.tlh is not a language Tierwise has words for (en, de, fr, zh-CN)".to_owned(),
        ]
    );
}
