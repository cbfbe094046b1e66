// Offline use and data freshness (src/ui/DataFreshness.tsx).
export const offline = {
  fr: {
    'offline.updated': 'Données mises à jour le {date}',
    'offline.updatedOffline': 'Hors ligne : données mises à jour le {date}',
    'offline.latestRecord': 'dernière fiche vérifiée le {date}',
  },
  en: {
    'offline.updated': 'Data updated on {date}',
    'offline.updatedOffline': 'Offline: data updated on {date}',
    'offline.latestRecord': 'latest record checked on {date}',
  },
} as const;
