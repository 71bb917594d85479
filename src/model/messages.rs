//! The widget's words: every text it shows has a message id here. English is built in
//! (`messages/en.rs`); other languages are catalogues (`messages/*.json`, loaded by the
//! browser only when asked for) and a vendor can override any message, from its config or the
//! JS API. Placeholders are named (`{option}`); plural forms are `id#one`, `id#other`, … chosen
//! by the locale's plural rules (`Intl.PluralRules` in the browser). Reading words in is
//! `catalogue.rs`'s.

mod en;
pub use en::EN_FULL;
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

/// Every built-in message as (id, English text): [`EN_TEXT`]'s, then [`EN_FULL`]'s. For
/// native code and tests; the widget's build never reads [`EN_FULL`] at run time.
pub fn all() -> impl Iterator<Item = (&'static str, &'static str)> {
    EN_TEXT
        .lines()
        .chain(EN_FULL.lines())
        .filter_map(|l| l.split_once('\t'))
}

/// A packed table of messages (`id\ttext\n` lines, sorted by id), looked up through where
/// each line has its id and its text: (id start, tab, line end), found on first use.
struct Table(OnceLock<Vec<(u32, u32, u32)>>);

impl Table {
    const fn new() -> Table {
        Table(OnceLock::new())
    }

    /// The text of `id` in `table` (always the same string for one `Table`).
    fn get(&self, table: &'static str, id: &str) -> Option<&'static str> {
        // `get`, not indexing: a slice that could fail links the panic's Debug formatting of
        // chars and its Unicode tables (~2.5 KB of gzipped wasm, measured); these never fail.
        let at = |a: u32, b: u32| table.get(a as usize..b as usize).unwrap_or_default();
        let index = self.0.get_or_init(|| {
            let mut out = Vec::new();
            let mut start = 0;
            for line in table.split_terminator('\n') {
                let tab = line.find('\t').unwrap_or(line.len());
                out.push((
                    start as u32,
                    (start + tab) as u32,
                    (start + line.len()) as u32,
                ));
                start += line.len() + 1;
            }
            out
        });
        let i = index.binary_search_by(|&(s, t, _)| at(s, t).cmp(id)).ok()?;
        let (_, tab, end) = index[i];
        Some(at((tab + 1).min(end), end))
    }
}

static MAIN: Table = Table::new();
static FULL: Table = Table::new();
static STUBS: Table = Table::new();

/// The full layout's words, once they are here: given by [`install_full`] in the widget's
/// build, where they come with the full layout's chunk of wasm (issue 12: a pricing page's
/// compact calculator does not download them); built in everywhere else.
static FULL_WORDS: OnceLock<&'static str> = OnceLock::new();
#[cfg(not(target_family = "wasm"))]
const BUILT_IN_FULL: Option<&str> = Some(EN_FULL);
#[cfg(target_family = "wasm")]
const BUILT_IN_FULL: Option<&str> = None;

/// Gives the full layout's English: [`FULL_TEXTS`], as its chunk carries it. `false` (and
/// nothing given) if `texts` has not one line per message of [`EN_FULL`]. The first words
/// given stay.
pub fn install_full(texts: &str) -> bool {
    if FULL_WORDS.get().is_some() {
        return true;
    }
    full_table(texts)
        .map(|table| FULL_WORDS.set(String::leak(table)))
        .is_some()
}

/// [`EN_FULL`] again from its texts: each line of `texts` after its id, if there are as many.
fn full_table(texts: &str) -> Option<String> {
    let (mut ids, mut texts) = (FULL_STUBS.lines(), texts.lines());
    let mut table = String::with_capacity(EN_FULL.len());
    loop {
        match (ids.next(), texts.next()) {
            (Some(line), Some(text)) => {
                let id = line.split_once('\t').map_or(line, |(id, _)| id);
                table.extend([id, "\t", text, "\n"]);
            }
            (None, None) => return Some(table),
            _ => return None,
        }
    }
}

/// The built-in English text of `id`, if it is a message id (and, for one of the full
/// layout's, once its words are here).
pub fn english(id: &str) -> Option<&'static str> {
    MAIN.get(EN_TEXT, id).or_else(|| {
        let words = FULL_WORDS.get().copied().or(BUILT_IN_FULL)?;
        FULL.get(words, id)
    })
}

/// What a catalogue's or an override's text for `id` is checked against: its English, or,
/// for a message of the full layout whose words are not here yet, its placeholders alone.
pub fn reference(id: &str) -> Option<&'static str> {
    english(id).or_else(|| STUBS.get(FULL_STUBS, id))
}

/// [`EN_FULL`] with each text cut down to its placeholders (`id\t{a}{b}\n`), made at compile
/// time: the widget's main wasm checks words against it before the full layout's arrive.
static FULL_STUBS: &str = utf8(&STUB_BYTES);
const STUB_BYTES: [u8; cut(EN_FULL.as_bytes(), Cut::Stubs, None)] = {
    let mut out = [0; cut(EN_FULL.as_bytes(), Cut::Stubs, None)];
    cut(EN_FULL.as_bytes(), Cut::Stubs, Some(&mut out));
    out
};

/// [`EN_FULL`]'s texts alone, a line each, in its order: what the widget's build carries in
/// the full layout's chunk (the ids are in [`FULL_STUBS`] already), made at compile time.
pub const FULL_TEXTS: &str = utf8(&FULL_TEXT_BYTES);
pub const FULL_TEXTS_LEN: usize = cut(EN_FULL.as_bytes(), Cut::Texts, None);
/// [`FULL_TEXTS`] as bytes, for the custom section that carries them (`web/app.rs`).
pub const FULL_TEXT_BYTES: [u8; FULL_TEXTS_LEN] = {
    let mut out = [0; FULL_TEXTS_LEN];
    cut(EN_FULL.as_bytes(), Cut::Texts, Some(&mut out));
    out
};

const fn utf8(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("a cut of EN_FULL is not UTF-8"),
    }
}

/// What [`cut`] keeps of each `id\ttext\n` line.
#[derive(Clone, Copy)]
enum Cut {
    /// `id\t`, the text's placeholders (as [`scan`] finds them), `\n`.
    Stubs,
    /// `text\n`.
    Texts,
}

/// Writes what `part` keeps of `table` into `out` (if given); returns its length.
const fn cut(table: &[u8], part: Cut, mut out: Option<&mut [u8]>) -> usize {
    let mut len = 0;
    let mut i = 0;
    let mut in_text = false;
    while i < table.len() {
        let b = table[i];
        let keep_to = match (part, in_text, b) {
            (_, _, b'\n') | (Cut::Stubs, false, _) | (Cut::Texts, true, _) => i + 1,
            // A placeholder, kept in a stub when closed.
            (Cut::Stubs, true, b'{') => {
                let mut close = i + 1;
                while close < table.len() && table[close] != b'}' && table[close] != b'\n' {
                    close += 1;
                }
                if close < table.len() && table[close] == b'}' {
                    close + 1
                } else {
                    i
                }
            }
            _ => i,
        };
        in_text = (in_text || b == b'\t') && b != b'\n';
        if keep_to == i {
            i += 1;
            continue;
        }
        while i < keep_to {
            if let Some(out) = &mut out {
                out[len] = table[i];
            }
            len += 1;
            i += 1;
        }
    }
    len
}

/// Calls `each` with the text before every `{name}` in `text` and the name, in order;
/// returns what follows the last one (an unclosed `{` is text).
fn scan<'a>(text: &'a str, mut each: impl FnMut(&'a str, &'a str)) -> &'a str {
    // split_once, not slicing at found indices: see `Table::get`.
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
        for table in [EN_TEXT, EN_FULL] {
            let lines: Vec<(&str, &str)> =
                table.lines().filter_map(|l| l.split_once('\t')).collect();
            assert_eq!(lines.len(), table.lines().count(), "every line is id\ttext");
            for w in lines.windows(2) {
                assert!(w[0].0 < w[1].0, "{} must come before {}", w[1].0, w[0].0);
            }
        }
        let en: Vec<(&str, &str)> = all().collect();
        for (id, text) in &en {
            assert_eq!(english(id), Some(*text));
            assert_eq!(
                en.iter().filter(|(i, _)| i == id).count(),
                1,
                "{id} is in both tables"
            );
        }
        assert_eq!(english("no.such.id"), None);
        assert_eq!(reference("no.such.id"), None);
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
    fn the_full_layouts_stubs_keep_ids_and_placeholders_alone() {
        let stubs: Vec<(&str, &str)> = FULL_STUBS
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect();
        let full: Vec<(&str, &str)> = EN_FULL.lines().filter_map(|l| l.split_once('\t')).collect();
        assert_eq!(stubs.len(), full.len());
        for ((id, stub), (full_id, text)) in stubs.iter().zip(&full) {
            assert_eq!(id, full_id);
            assert_eq!(placeholders(stub), placeholders(text), "{id}");
            assert_eq!(
                *stub,
                placeholders(text)
                    .iter()
                    .map(|p| format!("{{{p}}}"))
                    .collect::<String>(),
                "{id}"
            );
            assert_eq!(STUBS.get(FULL_STUBS, id), Some(*stub));
        }
        assert!(stubs.iter().any(|(_, s)| s.is_empty()) && stubs.iter().any(|(_, s)| s.len() > 10));
        // Cut as `scan` reads: an unclosed brace is text, a closed one a placeholder.
        let text = b"a\tx {b} y { z\nc\t{d}{e\n";
        let mut out = [0; 32];
        let len = cut(text, Cut::Stubs, Some(&mut out));
        assert_eq!(cut(text, Cut::Stubs, None), len);
        assert_eq!(&out[..len], b"a\t{b}\nc\t{d}\n");
        let len = cut(text, Cut::Texts, Some(&mut out));
        assert_eq!(&out[..len], b"x {b} y { z\n{d}{e\n");
        // The chunk's texts and the stubs' ids make the table again; a line short, nothing.
        assert_eq!(full_table(FULL_TEXTS).as_deref(), Some(EN_FULL));
        let short = FULL_TEXTS
            .rsplit_once('\n')
            .map(|(s, _)| s)
            .unwrap_or_default();
        let short = short.rsplit_once('\n').map(|(s, _)| s).unwrap_or_default();
        assert_eq!(full_table(short), None);
        assert_eq!(full_table(&format!("{FULL_TEXTS}one more\n")), None);
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
