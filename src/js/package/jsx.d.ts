// `<tierwise-calculator>` in React 19 JSX, typed: `import type {} from 'tierwise/jsx'` once.
// React 19 binds `ontierwisechange={…}` as a listener for the `tierwisechange` event. It does
// not attach such listeners to server-rendered markup it hydrates: in Next, use the component
// from `tierwise/react`, which attaches them through a ref.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ChangeDetail, CtaDetail, ErrorDetail, TierwiseCalculatorAttributes, TierwiseCalculatorElement } from './tierwise.js';

/** The element's events, as React 19 binds them on a custom element. */
export interface TierwiseJsxEvents {
  ontierwiseready?: (event: CustomEvent<null>) => void;
  ontierwisechange?: (event: CustomEvent<ChangeDetail>) => void;
  ontierwisecta?: (event: CustomEvent<CtaDetail>) => void;
  ontierwiseerror?: (event: CustomEvent<ErrorDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tierwise-calculator': DetailedHTMLProps<HTMLAttributes<TierwiseCalculatorElement>, TierwiseCalculatorElement> &
        TierwiseCalculatorAttributes &
        TierwiseJsxEvents & { class?: string };
    }
  }
}
