// Wrong usage the types must refuse: ../expect-type-errors.mjs checks that tsc fails on each marked line.
import 'tierwise';
import type {} from 'tierwise/jsx';
import { mount, evaluate, type Result } from 'tierwise';

export const a = <tierwise-calculator mode="huge" />; // error: mode
export const b = <tierwise-calculator team-size="many" />; // error: team-size
export const c = <tierwise-calculator ontierwisechange={(e: CustomEvent<{ nope: number }>) => e.detail.nope} />; // error: change detail
export const d = <tierwise-calculator theme={3} />; // error: theme
mount(document.body, { team_size: '40' }); // error: team_size
mount(document.body, { mode: 'tiny' }); // error: mode option
export const e = evaluate({ product: 'x' }, { team_size: 4, scale: 1 }); // error: config without options
const el = document.createElement('tierwise-calculator');
el.teamSize = '40'; // error: teamSize property
el.addEventListener('tierwisechange', (ev) => ev.detail.result.recommended.toFixed()); // error: recommended is a string
export const r: Result["model"] = 1; // error: model 2
