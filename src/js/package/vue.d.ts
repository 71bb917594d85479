// `<tierwise-calculator>` in Vue 3 templates, typed for vue-tsc: `import type {} from 'tierwise/vue'`
// once (in env.d.ts, say). Tell Vue's compiler it is a custom element:
// `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tierwise-') } } })`.
// Bind events with `@tierwisechange`, `@tierwisecta`, `@tierwiseready`, `@tierwiseerror`.
import type { DefineComponent } from 'vue';
import type { ChangeDetail, CtaDetail, ErrorDetail, Mode, Theme } from './tierwise.js';

/** The element's attributes and events, as vue-tsc reads a template. */
export interface TierwiseVueProps {
  config?: string;
  mode?: Mode;
  theme?: Theme;
  locale?: string;
  teamSize?: number | `${number}`;
  scale?: number | `${number}`;
  requirements?: string;
  persist?: boolean;
  loading?: 'lazy' | 'eager';
  onTierwiseready?: (event: CustomEvent<null>) => void;
  onTierwisechange?: (event: CustomEvent<ChangeDetail>) => void;
  onTierwisecta?: (event: CustomEvent<CtaDetail>) => void;
  onTierwiseerror?: (event: CustomEvent<ErrorDetail>) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'tierwise-calculator': DefineComponent<TierwiseVueProps>;
  }
}
