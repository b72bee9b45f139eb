import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Draft } from '../../core/contract';

type DraftState = readonly [Draft | null, (draft: Draft | null) => void];

const DraftContext = createContext<DraftState>([null, () => undefined]);

/**
 * The draft roster under review, shared by the rota (which makes, shows and accepts it) and the
 * week calendar (which shows it too), so switching tabs keeps it. One per team: App keys it.
 */
export function DraftProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState<Draft | null>(null);
  return <DraftContext.Provider value={[draft, setDraft]}>{children}</DraftContext.Provider>;
}

export function useDraft(): DraftState {
  return useContext(DraftContext);
}
