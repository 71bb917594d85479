//! The catalogue of assumptions (spec §2): their ids, defaults, units and allowed ranges.
//!
//! The set is fixed, so assumptions live in arrays indexed by [`Key`]: evaluation copies one
//! `[f64; COUNT]` per Monte Carlo draw and never allocates.

use super::messages::english;
use super::numbers::Numbers;

/// How many assumptions there are.
pub const COUNT: usize = 12;

/// One assumption of the model, in the order the spec lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    EngineerCost,
    WorkHours,
    InfraPerUnitMonth,
    InfraBaseMonth,
    OpsBaseHoursMonth,
    OpsHoursPerUnitMonth,
    SelfhelpHoursPerSeatYear,
    SelfHostedAvailability,
    ProductivityLoss,
    BusinessCostPerDownHour,
    DiscountRate,
    MigrationWeeks,
}

/// How an assumption's number is to be read and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// An amount of the config's currency.
    Money,
    /// A number of hours.
    Hours,
    /// A fraction, best shown as a percentage.
    Fraction,
    /// Engineer-weeks of 40 hours.
    Weeks,
}

/// What the model knows about one assumption before any config speaks.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    pub key: Key,
    /// The id used in configs, scenarios and URLs.
    pub id: &'static str,
    pub unit: Unit,
    /// The default of spec §2, used when a config leaves the assumption out.
    pub default: f64,
    /// The allowed range, inclusive. Values, lows and highs must all lie in it.
    pub min: f64,
    pub max: f64,
}

/// An assumption's words are messages (`assumption.<id>`, `.per`, `.source`), so they follow
/// the widget's language.
impl Spec {
    /// A short name for people ("Engineer cost").
    pub fn label(&self, n: &dyn Numbers) -> String {
        n.t(&format!("assumption.{}", self.id))
    }

    /// What the unit is counted per, after "per" ("year", "node and month"), with `{unit}` the
    /// config's scale unit; empty for a plain fraction or count.
    pub fn per(&self, n: &dyn Numbers, unit: &str) -> String {
        let id = format!("assumption.{}.per", self.id);
        match english(&id) {
            Some(_) => n.f(&id, &[("unit", unit)]),
            None => String::new(),
        }
    }

    /// Why the default is what it is, shown when a config gives no source of its own.
    pub fn default_source(&self, n: &dyn Numbers) -> String {
        n.t(&format!("assumption.{}.source", self.id))
    }
}

const MONEY_MAX: f64 = 1e9;

/// Every assumption, indexed by `Key as usize`.
pub const CATALOGUE: [Spec; COUNT] = [
    Spec {
        key: Key::EngineerCost,
        id: "engineer_cost",
        unit: Unit::Money,
        default: 180_000.0,
        min: 0.0,
        max: 10_000_000.0,
    },
    Spec {
        key: Key::WorkHours,
        id: "work_hours",
        unit: Unit::Hours,
        default: 1_800.0,
        min: 100.0,
        max: 8_760.0,
    },
    Spec {
        key: Key::InfraPerUnitMonth,
        id: "infra_per_unit_month",
        unit: Unit::Money,
        default: 0.0,
        min: 0.0,
        max: MONEY_MAX,
    },
    Spec {
        key: Key::InfraBaseMonth,
        id: "infra_base_month",
        unit: Unit::Money,
        default: 0.0,
        min: 0.0,
        max: MONEY_MAX,
    },
    Spec {
        key: Key::OpsBaseHoursMonth,
        id: "ops_base_hours_month",
        unit: Unit::Hours,
        default: 0.0,
        min: 0.0,
        max: 100_000.0,
    },
    Spec {
        key: Key::OpsHoursPerUnitMonth,
        id: "ops_hours_per_unit_month",
        unit: Unit::Hours,
        default: 0.0,
        min: 0.0,
        max: 10_000.0,
    },
    Spec {
        key: Key::SelfhelpHoursPerSeatYear,
        id: "selfhelp_hours_per_seat_year",
        unit: Unit::Hours,
        default: 2.0,
        min: 0.0,
        max: 2_000.0,
    },
    Spec {
        key: Key::SelfHostedAvailability,
        id: "self_hosted_availability",
        unit: Unit::Fraction,
        default: 0.995,
        min: 0.0,
        max: 1.0,
    },
    Spec {
        key: Key::ProductivityLoss,
        id: "productivity_loss",
        unit: Unit::Fraction,
        default: 0.5,
        min: 0.0,
        max: 1.0,
    },
    Spec {
        key: Key::BusinessCostPerDownHour,
        id: "business_cost_per_down_hour",
        unit: Unit::Money,
        default: 0.0,
        min: 0.0,
        max: MONEY_MAX,
    },
    Spec {
        key: Key::DiscountRate,
        id: "discount_rate",
        unit: Unit::Fraction,
        default: 0.08,
        min: 0.0,
        max: 1.0,
    },
    Spec {
        key: Key::MigrationWeeks,
        id: "migration_weeks",
        unit: Unit::Weeks,
        default: 2.0,
        min: 0.0,
        max: 520.0,
    },
];

impl Key {
    /// Every key, in catalogue order.
    pub const ALL: [Key; COUNT] = [
        Key::EngineerCost,
        Key::WorkHours,
        Key::InfraPerUnitMonth,
        Key::InfraBaseMonth,
        Key::OpsBaseHoursMonth,
        Key::OpsHoursPerUnitMonth,
        Key::SelfhelpHoursPerSeatYear,
        Key::SelfHostedAvailability,
        Key::ProductivityLoss,
        Key::BusinessCostPerDownHour,
        Key::DiscountRate,
        Key::MigrationWeeks,
    ];

    /// Whether only a model-2 config may state this assumption.
    pub fn model2_only(self) -> bool {
        self == Key::InfraBaseMonth
    }

    pub fn spec(self) -> &'static Spec {
        &CATALOGUE[self as usize]
    }

    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// The key whose id is `id`.
    pub fn from_id(id: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The ids, for messages that list what is allowed.
    pub const IDS: [&'static str; COUNT] = [
        "engineer_cost",
        "work_hours",
        "infra_per_unit_month",
        "infra_base_month",
        "ops_base_hours_month",
        "ops_hours_per_unit_month",
        "selfhelp_hours_per_seat_year",
        "self_hosted_availability",
        "productivity_loss",
        "business_cost_per_down_hour",
        "discount_rate",
        "migration_weeks",
    ];
}

/// One assumption as a config (or a scenario override) states it.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumption {
    /// The value used for the point estimate.
    pub value: f64,
    /// The uncertainty range `(low, high)`, low ≤ high; `None` when the assumption is certain.
    pub range: Option<(f64, f64)>,
    /// Where the value comes from; `None` when the config gives no note.
    pub source: Option<String>,
}

/// A full set of assumptions, one per [`Key`].
#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions(pub [Assumption; COUNT]);

impl Default for Assumptions {
    /// The spec's defaults, none of them ranged.
    fn default() -> Self {
        Assumptions(CATALOGUE.map(|s| Assumption {
            value: s.default,
            range: None,
            source: None,
        }))
    }
}

impl Assumptions {
    pub fn get(&self, key: Key) -> &Assumption {
        &self.0[key as usize]
    }

    pub fn get_mut(&mut self, key: Key) -> &mut Assumption {
        &mut self.0[key as usize]
    }

    /// The point values, for evaluation.
    pub fn values(&self) -> Values {
        Values(self.0.each_ref().map(|a| a.value))
    }
}

/// The assumption values one evaluation uses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Values(pub [f64; COUNT]);

impl Values {
    #[inline]
    pub fn get(&self, key: Key) -> f64 {
        self.0[key as usize]
    }

    #[inline]
    pub fn set(&mut self, key: Key, value: f64) {
        self.0[key as usize] = value;
    }

    /// The hourly rate h = E / W. `work_hours` is validated ≥ 100, so this is finite.
    #[inline]
    pub fn hourly_rate(&self) -> f64 {
        self.get(Key::EngineerCost) / self.get(Key::WorkHours)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_catalogue_agree() {
        for (i, key) in Key::ALL.into_iter().enumerate() {
            assert_eq!(key as usize, i);
            assert_eq!(CATALOGUE[i].key, key);
            assert_eq!(Key::IDS[i], CATALOGUE[i].id);
            assert_eq!(Key::from_id(CATALOGUE[i].id), Some(key));
        }
    }

    #[test]
    fn defaults_lie_in_their_ranges() {
        for s in CATALOGUE {
            assert!(s.min <= s.default && s.default <= s.max, "{}", s.id);
        }
    }
}
