import { sql as initial } from './001-initial.ts';
import { sql as recommendationSearch } from './002-recommendation-search.ts';
import { sql as smartAcknowledgements } from './003-smart-acknowledgements.ts';
import { sql as performanceIndexes } from './004-performance-indexes.ts';
import { sql as runningCounts } from './005-running-counts.ts';
import { sql as ownerDistrictIndexes } from './006-owner-district-indexes.ts';
import { sql as deletions } from './007-deletions.ts';
import { sql as exchangeIdAliases } from './008-exchange-id-aliases.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Ordered, numbered migrations. user_version holds the number of the last
 * one applied. Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial schema', sql: initial },
  { version: 2, name: 'full-text search over recommendations', sql: recommendationSearch },
  { version: 3, name: 'acknowledged SMART hints', sql: smartAcknowledgements },
  { version: 4, name: 'indexes for national-scale stores', sql: performanceIndexes },
  { version: 5, name: 'running counts for the dashboard', sql: runningCounts },
  { version: 6, name: 'indexes on the owning district, for exchange packages', sql: ownerDistrictIndexes },
  { version: 7, name: 'deletions, so they travel in exchange packages', sql: deletions },
  { version: 8, name: 'links between a package sender\'s record ids and this store\'s', sql: exchangeIdAliases },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
