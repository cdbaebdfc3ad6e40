import { createContext } from 'react';
import type { DeskClient } from './client.ts';

/** Holds the app's one client; provided once at the root (see main.tsx). */
export const ClientContext = createContext<DeskClient | null>(null);
