import type { CSSProperties, ReactElement, Ref } from 'react';
import type { ChangeDetail, Config, CtaDetail, ErrorDetail, Mode, Theme, TierwiseCalculatorElement } from './tierwise.js';

/** Props of `<TierwiseCalculator>`; each maps to the element's attribute of the same meaning. */
export interface TierwiseCalculatorProps {
  /** A same-origin URL, or a config object. */
  config?: string | Config;
  mode?: Mode;
  theme?: Theme;
  /** A BCP 47 language tag, such as `de-DE`; default: the page's `lang`. */
  locale?: string;
  teamSize?: number;
  scale?: number;
  /** Requirement ids to start with. */
  requirements?: string[];
  /** Keep the scenario in the address and in localStorage. */
  persist?: boolean;
  /** `lazy`: load nothing but the module until the element nears the viewport. */
  loading?: 'lazy' | 'eager';
  /** The calculator shows. */
  onReady?: (event: CustomEvent<null>) => void;
  /** A new result (every input, and once after ready). */
  onChange?: (event: CustomEvent<ChangeDetail>) => void;
  /** A call to action: `event.preventDefault()` keeps the link from being followed. */
  onCta?: (event: CustomEvent<CtaDetail>) => void;
  /** A config, attribute or start-up failure, every problem by path. */
  onError?: (event: CustomEvent<ErrorDetail>) => void;
  /** The element itself (for `result`, `scenario`, `ready`, `update()`). */
  ref?: Ref<TierwiseCalculatorElement>;
  id?: string;
  className?: string;
  style?: CSSProperties;
}

export function TierwiseCalculator(props: TierwiseCalculatorProps): ReactElement;
export default TierwiseCalculator;
