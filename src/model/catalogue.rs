//! Reading words over the built-in English: one of our catalogues, a vendor's `messages` (in
//! a config) or a host's overrides, each `{id: text}`. Every entry must be a known id (or a
//! plural form of one) whose text uses only that message's placeholders.

use super::decode::{field, Decoder};
use super::messages::{placeholders, reference, Messages, CATEGORIES, LANGUAGES};
use super::problem::Issue;
use super::value::Value;

impl Messages {
    /// Reads a catalogue or overrides (`{id: text}`) over these messages. Every entry must be
    /// a known id (or a plural form of one) with text that uses only that message's
    /// placeholders; others are problems at `path`.
    pub fn read(&mut self, d: &mut Decoder, value: &Value, path: &str) {
        let Some(members) = d.object(value, path) else {
            return;
        };
        for (id, v) in members {
            // Ids have dots: `messages["card.price"]`, not `messages.card.price`.
            let at = match id.contains(['.', '#', ' ']) {
                true => format!("{path}[\"{id}\"]"),
                false => field(path, id),
            };
            let (base, category) = id.split_once('#').unwrap_or((id, ""));
            let known = if category.is_empty() {
                reference(id)
            } else if CATEGORIES.contains(&category) {
                reference(&format!("{base}#other"))
            } else {
                None
            };
            let Some(reference) = known else {
                d.report(
                    at,
                    Issue::Unknown {
                        what: "message id",
                        name: id.clone(),
                    },
                );
                continue;
            };
            let Some(text) = d.string(v, &at) else {
                continue;
            };
            let allowed = placeholders(reference);
            if let Some(bad) = placeholders(&text)
                .into_iter()
                .find(|p| !allowed.contains(p))
            {
                let list: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
                let said = match list.is_empty() {
                    true => format!("uses {{{bad}}}, but this message has no placeholders"),
                    false => format!(
                        "uses {{{bad}}}, but this message's placeholders are {}",
                        list.join(", ")
                    ),
                };
                d.report(at, Issue::Other(said));
                continue;
            }
            self.set(id, text);
        }
    }
}

/// Reads a vendor's `messages` (`{"de": {id: text}, …}`, in a config) at `path`: each
/// language must be `en` or one with a catalogue.
pub fn read_languages(d: &mut Decoder, value: &Value, path: &str) -> Vec<(String, Messages)> {
    let mut out = Vec::new();
    for (lang, v) in d.object(value, path).unwrap_or_default() {
        let at = field(path, lang);
        let Some(tag) = ["en"].into_iter().chain(LANGUAGES).find(|l| l == lang) else {
            let said = format!(
                "is not a language Tierwise has words for (en, {})",
                LANGUAGES.join(", ")
            );
            d.report(at, Issue::Other(said));
            continue;
        };
        let mut m = Messages::language(tag);
        m.read(d, v, &at);
        out.push((lang.clone(), m));
    }
    out
}
