'use client';
// tierwise/react attaches the element's listeners through a ref, so hydrating the
// server-rendered <tierwise-calculator> cannot lose them.
import { useRef, useState } from 'react';
import { TierwiseCalculator } from 'tierwise/react';
import type { ChangeDetail, CtaDetail, TierwiseCalculatorElement } from 'tierwise';

export function Pricing() {
  const [shown, setShown] = useState(true);
  const [teamSize, setTeamSize] = useState(80);
  const [last, setLast] = useState<ChangeDetail | null>(null);
  const [cta, setCta] = useState('');
  const [readies, setReadies] = useState(0);
  const element = useRef<TierwiseCalculatorElement>(null);
  return (
    <>
      <button type="button" id="bigger" onClick={() => setTeamSize(120)}>
        Team of 120
      </button>
      <button type="button" id="toggle" onClick={() => setShown((s) => !s)}>
        {shown ? 'Hide' : 'Show'} the calculator
      </button>
      {shown && (
        <TierwiseCalculator
          ref={element}
          config="/pricing.json"
          mode="compact"
          teamSize={teamSize}
          scale={2}
          onReady={() => setReadies((n) => n + 1)}
          onChange={(event) => setLast(event.detail)}
          onCta={(event: CustomEvent<CtaDetail>) => {
            event.preventDefault(); // our own lead form instead of the vendor's link
            setCta(event.detail.option);
          }}
        />
      )}
      <p id="recommended">{last ? `team ${last.scenario.team_size}: ${last.result.recommended}` : 'waiting'}</p>
      <p id="readies">{readies}</p>
      <p id="cta">{cta}</p>
    </>
  );
}
