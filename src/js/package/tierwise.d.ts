// Types for tierwise.js: the API, the Result of the model (shared/spec/model.md §9), the
// element and its events. Checked by tests/types/ (typed usage must pass, wrong usage fail).

/** The package's version. */
export const version: string;

/** Layouts: `full` calculator, `compact` (pricing pages), `present` (presenter mode). */
export type Mode = 'full' | 'compact' | 'present';
/** Colours: follow the page's preference (`auto`), or force one. */
export type Theme = 'light' | 'dark' | 'auto';
/** A config's option kinds (spec §3). */
export type OptionKind = 'community' | 'enterprise' | 'cloud';
/** Plan limits a scenario can break (spec §4b). */
export type Limit = 'min_team_size' | 'max_team_size' | 'min_scale' | 'max_scale';

/** A pricing config (spec §3): checked by the engine, which names every problem by path. */
export interface Config {
  schema: 1 | 2;
  product: string;
  currency?: string;
  scale_unit?: string;
  options: Array<Record<string, unknown> & { id: string; name: string; kind: OptionKind }>;
  requirements?: Array<Record<string, unknown> & { id: string; label: string }>;
  assumptions?: Record<string, unknown>;
  defaults?: Record<string, unknown>;
  /** The vendor's own words by language, over the built-in ones: `{ "de": { "card.recommended": "Empfohlen" } }`. */
  messages?: Partial<Record<Language, Messages>>;
  [field: string]: unknown;
}

/** The languages Tierwise has words for: English is built in, the others load on demand. */
export type Language = 'en' | 'de' | 'fr' | 'zh-CN';
/** Message id → text, such as `{ "compact.compare_all": "See every plan" }`. A text keeps the
 * English message's `{placeholders}`; plural forms are ids with `#one`, `#other`, …. Unknown ids
 * and placeholders are refused with a `TierwiseError` naming them. */
export type Messages = Record<string, string>;

/** An assumption's value, or a value with its low–high range. */
export type AssumptionValue = number | { value: number; low: number; high: number };

/** A scenario (spec §7): only `team_size` and `scale` are required by `evaluate()`. */
export interface ScenarioInput {
  team_size: number;
  scale: number;
  horizon?: number;
  team_growth?: number;
  scale_growth?: number;
  requirements?: string[];
  assumptions?: Record<string, AssumptionValue>;
  monte_carlo?: { draws: number; seed: number };
}

/** The scenario a calculator shows, every field filled in. */
export interface Scenario {
  team_size: number;
  scale: number;
  horizon: number;
  team_growth: number;
  scale_growth: number;
  requirements: string[];
  assumptions: Record<string, AssumptionValue>;
}

/** One year's cost lines at the entered values. */
export interface YearLines {
  year: number;
  licence: number;
  infrastructure: number;
  operations: number;
  self_help: number;
  downtime: number;
  compliance: number;
}

/** Inclusive intervals `[from, to]` of team sizes or scales where an option wins. */
export type Intervals = Array<[number, number]>;

/** One option's figures; `null` where a figure does not apply. */
export interface OptionResult {
  id: string;
  name: string;
  kind: OptionKind;
  qualified: boolean;
  unmet: string[];
  limits_exceeded: Limit[];
  quoted: boolean;
  years: YearLines[];
  one_time: { migration: number; compliance_build: number };
  total: number;
  present_cost: number;
  expected_total: number;
  expected_present_cost: number;
  savings: number | null;
  savings_at_values: number | null;
  roi: number | null;
  payback_month: number | null;
  wins_team_size: Intervals | null;
  wins_scale: Intervals | null;
}

/** Expected savings with one quantity at its low and at its high value. */
export interface SensitivityRow {
  /** An assumption's id, or `quote:<option id>`. */
  assumption: string;
  low: number;
  high: number;
}

/** The spread of 10,000 (or `draws`) simulated futures. */
export interface MonteCarlo {
  draws: number;
  seed: number;
  options: Array<{ id: string; p10: number; p50: number; p90: number; mean: number; cheapest_share: number }>;
}

/** The Result of spec §9. */
export interface Result {
  model: 2;
  /** The qualified option with the lowest expected present cost; null when none qualifies. */
  recommended: string | null;
  options: OptionResult[];
  sensitivity_option: string | null;
  sensitivity: SensitivityRow[];
  monte_carlo: MonteCarlo | null;
}

/** Options for `mount()` and `update()`; the element's attributes set the same ones. */
export interface Options {
  /** A same-origin URL, or a config object. */
  config?: string | Config;
  mode?: Mode;
  theme?: Theme;
  /** A BCP 47 language tag, such as `de-DE`: the words (en, de, fr, zh-CN; else English),
   * numbers and currency (default: the page's `lang`). */
  locale?: string;
  /** Your own words for any message, over the language's and the config's. */
  messages?: Messages;
  /** Keep the scenario in the address and in localStorage. */
  persist?: boolean;
  team_size?: number;
  scale?: number;
  horizon?: number;
  team_growth?: number;
  scale_growth?: number;
  /** Requirement ids, as a list or comma-separated. */
  requirements?: string[] | string;
  /** Any scenario fields at once. */
  scenario?: Partial<ScenarioInput>;
}

/** A mounted calculator. */
export interface Handle {
  /** Resolves once the calculator shows; rejects with a `TierwiseError` if it cannot. */
  readonly ready: Promise<void>;
  /** The latest Result; null until ready. */
  readonly result: Result | null;
  /** The current scenario; null until ready. */
  readonly scenario: Scenario | null;
  /** Changes the calculator; throws a `TierwiseError` naming a bad field. */
  update(options: Options): void;
  /** Unmounts it and frees everything. */
  destroy(): void;
}

/** A problem with an input, by path (`options.team_size`, `config.options[1].price`, …). */
export interface Problem {
  path: string;
  message: string;
}

/** The errors Tierwise throws and rejects with: the message lists every problem. */
export interface TierwiseError extends Error {
  problems: Problem[];
}

/** Which parts `Engine.evaluate` computes (all by default). */
export interface Parts {
  wins?: boolean;
  sensitivity?: boolean;
}

/** A config checked once, for many scenarios. */
export interface Engine {
  evaluate(scenario: ScenarioInput, parts?: Parts): Result;
  free(): void;
}

/** Mounts a calculator in `element`'s open shadow root; a second mount replaces the first. */
export function mount(element: HTMLElement, options?: Options): Handle;
/** The Result for `scenario` under `config`; rejects with a `TierwiseError`. */
export function evaluate(config: Config, scenario: ScenarioInput): Promise<Result>;
/** An engine for one config; rejects with a `TierwiseError` for a bad config. */
export function engine(config: Config): Promise<Engine>;

/** `tierwisechange` (alias `tierwise:change`): a new result. */
export interface ChangeDetail {
  scenario: Scenario;
  result: Result;
}
/** `tierwisecta` (alias `tierwise:cta`): a call to action; cancel it to open your own form. */
export interface CtaDetail {
  option: string;
  scenario: Scenario;
  result: Result;
}
/** `tierwiseerror` (alias `tierwise:error`): what is wrong, every problem by path. */
export interface ErrorDetail {
  message: string;
  problems: Problem[];
}

/** The element's events; each also fires as `tierwise:<name>`. */
export interface TierwiseEventMap {
  /** The calculator is on screen: its inputs and verdict painted. Always before the first `tierwisechange`. */
  tierwiseready: CustomEvent<null>;
  tierwisechange: CustomEvent<ChangeDetail>;
  tierwisecta: CustomEvent<CtaDetail>;
  tierwiseerror: CustomEvent<ErrorDetail>;
  'tierwise:ready': CustomEvent<null>;
  'tierwise:change': CustomEvent<ChangeDetail>;
  'tierwise:cta': CustomEvent<CtaDetail>;
  'tierwise:error': CustomEvent<ErrorDetail>;
}

/** `<tierwise-calculator>`: properties mirror the attributes. */
export interface TierwiseCalculatorElement extends HTMLElement {
  /** A config URL (the `config` attribute) or a config object. */
  config: string | Config | null;
  mode: Mode | null;
  theme: Theme | null;
  locale: string | null;
  /** `team-size`; setting null removes it (back to the config's default). */
  teamSize: number | null;
  scale: number | null;
  requirements: string[] | null;
  persist: boolean;
  /** Resolves once the calculator shows. */
  readonly ready: Promise<void>;
  readonly result: Result | null;
  readonly scenario: Scenario | null;
  update(options: Options): void;
  addEventListener<K extends keyof TierwiseEventMap>(type: K, listener: (this: TierwiseCalculatorElement, ev: TierwiseEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: TierwiseCalculatorElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof TierwiseEventMap>(type: K, listener: (this: TierwiseCalculatorElement, ev: TierwiseEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: TierwiseCalculatorElement, ev: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The events as handler attributes, as React 19 JSX and Svelte 5 bind them on the element
 * (`ontierwisechange={…}` listens for `tierwisechange`). */
export interface TierwiseEventHandlers {
  ontierwiseready?: (event: CustomEvent<null>) => void;
  ontierwisechange?: (event: CustomEvent<ChangeDetail>) => void;
  ontierwisecta?: (event: CustomEvent<CtaDetail>) => void;
  ontierwiseerror?: (event: CustomEvent<ErrorDetail>) => void;
}

/** The element's attributes, as markup and framework templates set them. */
export interface TierwiseCalculatorAttributes {
  config?: string;
  mode?: Mode;
  theme?: Theme;
  locale?: string;
  'team-size'?: number | `${number}`;
  scale?: number | `${number}`;
  /** Comma-separated requirement ids. */
  requirements?: string;
  persist?: boolean;
  loading?: 'lazy' | 'eager';
}

declare global {
  interface HTMLElementTagNameMap {
    'tierwise-calculator': TierwiseCalculatorElement;
  }
}
