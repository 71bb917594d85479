//! The widget's words: every text it shows has a message id here. English is built in
//! (`messages/en.rs`); other languages are catalogues (`messages/*.json`, loaded by the
//! browser only when asked for) and a vendor can override any message, from its config or the
//! JS API. Placeholders are named (`{option}`); plural forms are `id#one`, `id#other`, … chosen
//! by the locale's plural rules (`Intl.PluralRules` in the browser). Reading words in is
//! `catalogue.rs`'s.

mod en;
use en::EN_TEXT;
use std::sync::OnceLock;

/// The languages with a catalogue besides English, as their files are named.
pub const LANGUAGES: [&str; 3] = ["de", "fr", "zh-CN"];

/// The catalogue for `locale` (a BCP 47 tag): `None` for English or a language without one.
pub fn catalogue_for(locale: &str) -> Option<&'static str> {
    let lower = locale.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    match parts.next()? {
        "de" => Some("de"),
        "fr" => Some("fr"),
        // Simplified Chinese; Traditional (zh-TW, zh-HK, zh-Hant) has no catalogue yet.
        "zh" if !parts.any(|p| matches!(p, "tw" | "hk" | "mo" | "hant")) => Some("zh-CN"),
        _ => None,
    }
}

/// One language's messages: loaded or overridden entries over the built-in English.
#[derive(Clone, Debug, PartialEq)]
pub struct Messages {
    /// The language they are in ("en", "de", "fr", "zh-CN"), for the page's `lang`.
    pub lang: &'static str,
    /// Sorted by id; each beats the English of the same id.
    entries: Vec<(String, String)>,
}

impl Default for Messages {
    fn default() -> Messages {
        Messages::english()
    }
}

/// Every built-in message as (id, English text), sorted by id.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    EN_TEXT.lines().filter_map(|l| l.split_once('\t'))
}

/// Where each line of [`EN_TEXT`] has its id and its text: (id, text) byte ranges as
/// (id start, tab, line end), built on first use.
fn index() -> &'static [(u32, u32, u32)] {
    static INDEX: OnceLock<Vec<(u32, u32, u32)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut out = Vec::new();
        let mut start = 0;
        for line in EN_TEXT.split_terminator('\n') {
            let tab = line.find('\t').unwrap_or(line.len());
            out.push((
                start as u32,
                (start + tab) as u32,
                (start + line.len()) as u32,
            ));
            start += line.len() + 1;
        }
        out
    })
}

/// The built-in English text of `id`, if it is a message id.
pub fn english(id: &str) -> Option<&'static str> {
    // `get`, not indexing: a slice that could fail links the panic's Debug formatting of
    // chars and its Unicode tables (~2.5 KB of gzipped wasm, measured); these never fail.
    let at = |a: u32, b: u32| EN_TEXT.get(a as usize..b as usize).unwrap_or_default();
    let index = index();
    let i = index.binary_search_by(|&(s, t, _)| at(s, t).cmp(id)).ok()?;
    let (_, tab, end) = index[i];
    Some(at((tab + 1).min(end), end))
}

/// Calls `each` with the text before every `{name}` in `text` and the name, in order;
/// returns what follows the last one (an unclosed `{` is text).
fn scan<'a>(text: &'a str, mut each: impl FnMut(&'a str, &'a str)) -> &'a str {
    // split_once, not slicing at found indices: see `english`.
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else {
            break;
        };
        each(before, name);
        rest = tail;
    }
    rest
}

/// The placeholder names in `text`, in order of appearance (`{option}` → `option`).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    scan(text, |_, name| out.push(name));
    out
}

/// The plural forms a catalogue may give a message (`Intl.PluralRules` categories).
pub(super) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Messages {
    /// English alone.
    pub const fn english() -> Messages {
        Messages::language("en")
    }

    /// Nothing yet in `lang` (a catalogue is read into it): English where it says nothing.
    pub const fn language(lang: &'static str) -> Messages {
        Messages {
            lang,
            entries: Vec::new(),
        }
    }

    /// `other`'s entries over these (a vendor's overrides over a catalogue).
    pub fn merge(&mut self, other: &Messages) {
        for (id, text) in &other.entries {
            self.set(id, text.clone());
        }
    }

    /// The text of `id`: this language's, else English, else the id itself (never empty).
    pub fn get<'a>(&'a self, id: &'a str) -> &'a str {
        match self.entries.binary_search_by(|(k, _)| k.as_str().cmp(id)) {
            Ok(i) => &self.entries[i].1,
            Err(_) => english(id).unwrap_or(id),
        }
    }

    /// The text of `id` with each `{name}` replaced by its value.
    pub fn fill(&self, id: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(id), args)
    }

    /// The plural form of `id` for `category` (as `Intl.PluralRules` names it), filled.
    pub fn plural(&self, id: &str, category: &str, args: &[(&str, &str)]) -> String {
        let key = format!("{id}#{category}");
        let other = format!("{id}#other");
        let text = if self.has(&key) {
            self.get(&key)
        } else {
            self.get(&other)
        };
        fill(text, args)
    }

    fn has(&self, id: &str) -> bool {
        self.entries
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .is_ok()
            || english(id).is_some()
    }

    pub(super) fn set(&mut self, id: &str, text: String) {
        match self.entries.binary_search_by(|(k, _)| k.as_str().cmp(id)) {
            Ok(i) => self.entries[i].1 = text,
            Err(i) => self.entries.insert(i, (id.to_owned(), text)),
        }
    }

    /// The entries that differ from the built-in English, sorted by id.
    pub fn entries(&self) -> &[(String, String)] {
        &self.entries
    }
}

/// `text` with each `{name}` replaced by its value; unknown names are left as they are.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let tail = scan(text, |before, name| {
        out.push_str(before);
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, v)) => out.push_str(v),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
    });
    out.push_str(tail);
    out
}

/// Owned arguments as the borrowed pairs [`fill`] and `Numbers::f` take.
pub fn pairs<'a>(args: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    args.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// The plural category `name` (as `Intl.PluralRules` says it), or "other" for any other word.
pub fn plural_category(name: &str) -> &'static str {
    CATEGORIES
        .into_iter()
        .find(|c| *c == name)
        .unwrap_or("other")
}

/// English plural rules, for native code and tests (the browser asks `Intl.PluralRules`).
pub fn english_plural(n: f64) -> &'static str {
    if n == 1.0 {
        "one"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_sorted_unique_and_every_plural_has_other() {
        let en: Vec<(&str, &str)> = all().collect();
        assert_eq!(en.len(), EN_TEXT.lines().count(), "every line is id\ttext");
        for w in en.windows(2) {
            assert!(w[0].0 < w[1].0, "{} must come before {}", w[1].0, w[0].0);
        }
        for (id, text) in &en {
            assert_eq!(english(id), Some(*text));
        }
        assert_eq!(english("no.such.id"), None);
        for (id, _) in en {
            if let Some((base, _)) = id.split_once('#') {
                assert!(
                    english(&format!("{base}#other")).is_some(),
                    "{id} has no #other form"
                );
            }
        }
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
            "x and y, x"
        );
        assert_eq!(fill("{missing} {", &[]), "{missing} {");
        assert_eq!(fill("a {b", &[("b", "x")]), "a {b");
        assert_eq!(placeholders("{a} b {c}"), vec!["a", "c"]);
    }

    #[test]
    fn catalogues_by_locale() {
        assert_eq!(catalogue_for("de-AT"), Some("de"));
        assert_eq!(catalogue_for("fr"), Some("fr"));
        assert_eq!(catalogue_for("zh-CN"), Some("zh-CN"));
        assert_eq!(catalogue_for("zh-Hans-SG"), Some("zh-CN"));
        assert_eq!(catalogue_for("zh-TW"), None);
        assert_eq!(catalogue_for("en-GB"), None);
    }
}
