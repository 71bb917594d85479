'use client';
// <TierwiseCalculator> for React 19 (Vite, Next's app router): renders <tierwise-calculator> and
// attaches its listeners through a ref, so hydrating server-rendered markup cannot lose them
// (React does not bind custom-element listeners on markup it hydrates). Importing tierwise
// defines the element in the browser and does nothing on a server.
import { createElement, useEffect, useRef } from 'react';
import 'tierwise';

const EVENTS = [
  ['tierwiseready', 'onReady'],
  ['tierwisechange', 'onChange'],
  ['tierwisecta', 'onCta'],
  ['tierwiseerror', 'onError'],
];

/** Props: see react.d.ts. */
export function TierwiseCalculator({ config, mode, theme, locale, teamSize, scale, requirements, persist, loading, onReady, onChange, onCta, onError, ref, ...rest }) {
  const element = useRef(null);
  // The latest handlers, read when an event fires: listeners are attached once.
  const handlers = useRef({});
  handlers.current = { onReady, onChange, onCta, onError };
  useEffect(() => {
    const node = element.current;
    const listeners = EVENTS.map(([name, prop]) => {
      const listener = (event) => handlers.current[prop]?.(event);
      node.addEventListener(name, listener);
      return () => node.removeEventListener(name, listener);
    });
    return () => listeners.forEach((remove) => remove());
  }, []);
  // A config object can only be a property.
  const objectConfig = config !== null && typeof config === 'object' ? config : null;
  useEffect(() => {
    if (objectConfig) element.current.config = objectConfig;
  }, [objectConfig]);
  const setRef = (node) => {
    element.current = node;
    if (typeof ref === 'function') return ref(node);
    if (ref) ref.current = node;
  };
  return createElement('tierwise-calculator', {
    ...rest,
    ref: setRef,
    config: objectConfig ? undefined : config,
    mode,
    theme,
    locale,
    'team-size': teamSize,
    scale,
    requirements: Array.isArray(requirements) ? requirements.join(',') : requirements,
    persist: persist ? '' : undefined,
    loading,
  });
}

export default TierwiseCalculator;
