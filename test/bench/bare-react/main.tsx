/** The bench's floor for a cold load: a bare React page built with the kiosk's toolchain. */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Bare() {
  const [taps, setTaps] = useState(0);
  return (
    <button type="button" className="attract-start" onClick={() => setTaps((n) => n + 1)}>
      Touch to start {taps > 0 ? taps : ''}
    </button>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Bare />
  </StrictMode>,
);
