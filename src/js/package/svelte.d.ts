// `<tierwise-calculator>` in Svelte 5 templates, typed for svelte-check:
// `import type {} from 'tierwise/svelte'` once (in app.d.ts, say). Svelte 5 binds
// `ontierwisechange={…}` as a listener for the `tierwisechange` event.
import type { HTMLAttributes } from 'svelte/elements';
import type { TierwiseCalculatorAttributes, TierwiseCalculatorElement, TierwiseEventHandlers } from './tierwise.js';

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'tierwise-calculator': HTMLAttributes<TierwiseCalculatorElement> & TierwiseCalculatorAttributes & TierwiseEventHandlers;
  }
}
