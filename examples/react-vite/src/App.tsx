// The element straight in JSX: `import 'tierwise'` defines it, `tierwise/jsx` types it, and
// React 19 binds `ontierwisechange` and friends as event listeners.
import { useRef, useState } from 'react';
import 'tierwise';
import type {} from 'tierwise/jsx';
import type { ChangeDetail, CtaDetail, TierwiseCalculatorElement } from 'tierwise';

export function App() {
  const [shown, setShown] = useState(true);
  const [teamSize, setTeamSize] = useState(80);
  const [last, setLast] = useState<ChangeDetail | null>(null);
  const [cta, setCta] = useState('');
  const [readies, setReadies] = useState(0);
  const element = useRef<TierwiseCalculatorElement>(null);

  const onChange = (event: CustomEvent<ChangeDetail>) => setLast(event.detail);
  const onCta = (event: CustomEvent<CtaDetail>) => {
    event.preventDefault(); // our own lead form instead of the vendor's link
    setCta(event.detail.option);
  };
  return (
    <main>
      <h1>Forgeline pricing</h1>
      <button type="button" id="bigger" onClick={() => setTeamSize(120)}>
        Team of 120
      </button>
      <button type="button" id="toggle" onClick={() => setShown((s) => !s)}>
        {shown ? 'Hide' : 'Show'} the calculator
      </button>
      {shown && (
        <tierwise-calculator
          ref={element}
          config="/configs/devtool-seats.json"
          mode="compact"
          team-size={teamSize}
          scale={6}
          ontierwiseready={() => setReadies((n) => n + 1)}
          ontierwisechange={onChange}
          ontierwisecta={onCta}
        />
      )}
      <p id="recommended">{last ? `team ${last.scenario.team_size}: ${last.result.recommended}` : 'waiting'}</p>
      <p id="readies">{readies}</p>
      <p id="cta">{cta}</p>
    </main>
  );
}
