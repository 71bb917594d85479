// `<tierwise-calculator>` in Svelte 5 templates, typed for svelte-check:
// `import type {} from 'tierwise/svelte'` once (in app.d.ts, say). Svelte 5 binds
// `ontierwisechange={…}` as a listener for the `tierwisechange` event.
import type { HTMLAttributes } from 'svelte/elements';
import type { ChangeDetail, CtaDetail, ErrorDetail, TierwiseCalculatorAttributes, TierwiseCalculatorElement } from './tierwise.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'tierwise-calculator': HTMLAttributes<TierwiseCalculatorElement> &
      TierwiseCalculatorAttributes & {
        ontierwiseready?: (event: CustomEvent<null>) => void;
        ontierwisechange?: (event: CustomEvent<ChangeDetail>) => void;
        ontierwisecta?: (event: CustomEvent<CtaDetail>) => void;
        ontierwiseerror?: (event: CustomEvent<ErrorDetail>) => void;
      };
  }
}
