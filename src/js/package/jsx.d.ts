// `<tierwise-calculator>` in React 19 JSX, typed: `import type {} from 'tierwise/jsx'` once.
// React 19 binds `ontierwisechange={…}` as a listener for the `tierwisechange` event. It does
// not attach such listeners to server-rendered markup it hydrates: in Next, use the component
// from `tierwise/react`, which attaches them through a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TierwiseCalculatorAttributes, TierwiseCalculatorElement, TierwiseEventHandlers } from './tierwise.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tierwise-calculator': DetailedHTMLProps<HTMLAttributes<TierwiseCalculatorElement>, TierwiseCalculatorElement> &
        TierwiseCalculatorAttributes &
        TierwiseEventHandlers & { class?: string };
    }
  }
}
