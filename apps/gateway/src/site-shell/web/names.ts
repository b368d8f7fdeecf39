import type { DataSource } from 'typeorm';
import type { PublicLogEntry } from '../../../../../libs/domain/src';
import { listUnits } from '../../../../../libs/persistence/src';
import { categoryName, DEFAULT_CATEGORIES, type Category } from './categories';
import type { Locale } from './i18n';
import type { EventNames } from './public-event-text';

/**
 * The names people know in place of the codes the log keeps (ADR 108): a unit's name for its id, a
 * milestone's title for `m2`, a finding's opening words for `f1`. Codes stay in the log and the JSON API;
 * pages show names. A code with no name (a unit typed as free text, an old entry) shows as itself.
 */

/** Unit id → its Chinese and English names (the `units` table; a handful of rows). */
export type UnitNames = ReadonlyMap<string, { name: string; nameEn: string }>;

/** What a page needs to name units and categories; loaded once per request (`loadNames`). */
export interface Names {
  units: UnitNames;
  categories: readonly Category[];
}

/** The units from the database (a handful of rows) and the categories of this server's setting. */
export async function loadNames(
  dataSource: DataSource,
  categories: readonly Category[] = DEFAULT_CATEGORIES,
): Promise<Names> {
  return { units: await readUnitNames(dataSource), categories };
}

async function readUnitNames(dataSource: DataSource): Promise<UnitNames> {
  const units = await listUnits(dataSource);
  return new Map(units.map((unit) => [unit.id, { name: unit.name, nameEn: unit.nameEn }]));
}

/** How old the unit names on a public page may be: the pages themselves may be cached for 60 s. */
const PUBLIC_UNIT_NAMES_MAX_AGE_MS = 10_000;
const recentUnitNames = new WeakMap<DataSource, { at: number; units: Promise<UnitNames> }>();

/**
 * Names for a public page: the units read at most 10 s before, one read per gateway rather than one per
 * page on the hottest reads (a failed read is not kept). Staff pages use `loadNames`, which reads afresh.
 */
export async function loadPublicNames(
  dataSource: DataSource,
  categories: readonly Category[] = DEFAULT_CATEGORIES,
): Promise<Names> {
  const now = Date.now();
  let recent = recentUnitNames.get(dataSource);
  if (!recent || now - recent.at > PUBLIC_UNIT_NAMES_MAX_AGE_MS) {
    const units = readUnitNames(dataSource);
    const entry = { at: now, units };
    recentUnitNames.set(dataSource, entry);
    units.catch(() => {
      if (recentUnitNames.get(dataSource) === entry) recentUnitNames.delete(dataSource);
    });
    recent = entry;
  }
  return { units: await recent.units, categories };
}

/** The unit's name in the page's language (English falls back to the Chinese name), or the code itself. */
export function unitName(names: Names | undefined, id: string, locale: Locale): string {
  const unit = names?.units.get(id);
  if (!unit) return id;
  return locale === 'en' ? unit.nameEn || unit.name : unit.name;
}

const FINDING_WORDS = 30;

/**
 * The names of a decision's timeline: milestone titles from `MilestonePlanned`, a finding's first words
 * from `AuditFindingPublished` (findings have no title), unit names from `units`.
 */
export function eventNamesOf(entries: readonly PublicLogEntry[], names: Names, locale: Locale): EventNames {
  const milestones = new Map<string, string>();
  const findings = new Map<string, string>();
  for (const entry of entries) {
    const data = entry.data;
    if (
      entry.type === 'MilestonePlanned' &&
      typeof data['milestoneId'] === 'string' &&
      typeof data['title'] === 'string'
    )
      milestones.set(data['milestoneId'], data['title']);
    if (
      entry.type === 'AuditFindingPublished' &&
      typeof data['findingId'] === 'string' &&
      typeof data['finding'] === 'string'
    )
      findings.set(data['findingId'], clipWords(data['finding']));
  }
  return {
    unit: (id) => (names.units.has(id) ? unitName(names, id, locale) : undefined),
    milestone: (id) => milestones.get(id),
    finding: (id) => findings.get(id),
  };
}

function clipWords(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= FINDING_WORDS ? chars.join('') : `${chars.slice(0, FINDING_WORDS - 1).join('')}…`;
}

/** The category's name in the page's language, or its id when the list does not have it. */
export function categoryLabel(names: Names | undefined, id: string, locale: Locale): string {
  return categoryName(names?.categories ?? DEFAULT_CATEGORIES, id, locale);
}
