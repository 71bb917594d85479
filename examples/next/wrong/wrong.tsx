// Wrong usage of tierwise/react the types must refuse: ../expect-type-errors.mjs checks each marked line.
import { TierwiseCalculator } from 'tierwise/react';
import type { CtaDetail } from 'tierwise';

export const a = <TierwiseCalculator mode="huge" />; // error: mode
export const b = <TierwiseCalculator teamSize="80" />; // error: teamSize is a number
export const c = <TierwiseCalculator requirements="sso" />; // error: requirements is a list
export const d = <TierwiseCalculator onChange={(e: CustomEvent<CtaDetail>) => e.detail.option} />; // error: change detail
export const e = <TierwiseCalculator config={42} />; // error: config
export const f = <TierwiseCalculator onCta={(e) => e.detail.nope} />; // error: no such detail field
