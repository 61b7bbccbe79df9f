/**
 * The least a live tablet page can be (bench baseline of bench/scenarios/client.ts): React 19 and
 * socket.io-client, the participant's token from /join/<token>, the server's snapshot, and the
 * current agenda item's title. No routing, i18n, styles, offline copy, view chunks or notes editor:
 * what our views weigh and wait for beyond this is what they add to React and socket.io-client.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { io } from 'socket.io-client';
import type { Snapshot } from '../../../shared/protocol.js';

const token = /^\/join\/([A-Za-z0-9_-]+)/.exec(window.location.pathname)?.[1] ?? '';

function CurrentItem() {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  useEffect(() => {
    // Same origin and the same defaults as the app's socket (polling first, then the WebSocket upgrade).
    const socket = io({ auth: { token } });
    socket.on('snapshot', setSnapshot);
    return () => {
      socket.disconnect();
    };
  }, []);
  if (!snapshot) return <p>…</p>;
  const { state } = snapshot;
  const item = state.agenda.find((i) => i.id === state.activeItemId);
  return (
    <p data-testid="current-item-title" data-item-id={item?.id ?? ''}>
      {item?.title ?? '—'}
    </p>
  );
}

createRoot(document.getElementById('root')!).render(<CurrentItem />);
