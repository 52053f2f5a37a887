// Who is working at this tablet right now. A bench tablet is shared: the person changes through
// the day. (The Security issue puts a PIN in front of this; the store stays the same.)
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface Session {
  personId: string | null;
  setPerson(personId: string | null): void;
}

export const useSession = create<Session>()(
  persist(
    (set) => ({
      personId: null,
      setPerson: (personId) => set({ personId }),
    }),
    { name: 'loupe.session' },
  ),
);
