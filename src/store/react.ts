import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './app-store';
import { translate, type Params } from '../i18n/translate';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext is missing: wrap the tree in <StoreContext.Provider>');
  return store;
}

/** Select one value from the store of the nearest provider. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStore(), selector);
}

/** The translation function for the current language. */
export function useT(): (key: string, params?: Params) => string {
  const lang = useApp((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}
