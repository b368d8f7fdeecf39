import type { FastifyInstance } from 'fastify';
import type { Locale } from './i18n';

/**
 * The categories of the decision catalogue (ADR 109): a managed list from the `DECISION_CATEGORIES`
 * setting, or the built-in list below, loosely following the thematic classification (主题分类) of
 * government information. The console offers them as a select; pages show their names. A decision's
 * `category` stays the id it was registered with: an id the list no longer has shows as itself.
 */
export interface Category {
  /** What is stored and sent in the API, e.g. `housing`. */
  id: string;
  name: string;
  nameEn: string;
}

export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: 'economy', name: '经济发展', nameEn: 'Economic development' },
  { id: 'finance', name: '财政金融', nameEn: 'Public finance' },
  { id: 'agriculture', name: '农业农村', nameEn: 'Agriculture and rural affairs' },
  { id: 'education', name: '教育', nameEn: 'Education' },
  { id: 'health', name: '卫生健康', nameEn: 'Health' },
  { id: 'social-security', name: '社会保障', nameEn: 'Social security' },
  { id: 'employment', name: '就业创业', nameEn: 'Employment' },
  { id: 'housing', name: '住房保障', nameEn: 'Housing' },
  { id: 'urban', name: '城乡建设', nameEn: 'Urban and rural development' },
  { id: 'transport', name: '交通运输', nameEn: 'Transport' },
  { id: 'environment', name: '生态环境', nameEn: 'Environment' },
  { id: 'natural-resources', name: '自然资源', nameEn: 'Natural resources' },
  { id: 'culture', name: '文化旅游', nameEn: 'Culture and tourism' },
  { id: 'public-safety', name: '公共安全', nameEn: 'Public safety' },
  { id: 'market', name: '市场监管', nameEn: 'Market regulation' },
  { id: 'social', name: '社会事业', nameEn: 'Social affairs' },
  { id: 'government', name: '政务服务', nameEn: 'Government services' },
];

const ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * `DECISION_CATEGORIES`: entries `id:中文名:English name` separated by `;` (an empty English name falls
 * back to the Chinese one). Returns the list, or the problem in words for the config check.
 */
export function parseCategories(text: string): Category[] | string {
  const entries = text
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return 'must list at least one category';
  const seen = new Set<string>();
  const list: Category[] = [];
  for (const entry of entries) {
    const [id = '', name = '', nameEn = '', ...rest] = entry.split(':').map((part) => part.trim());
    if (rest.length > 0 || !ID.test(id) || name === '')
      return `"${entry}" is not id:中文名:English name (id: lower-case letters, digits, - or _)`;
    if (seen.has(id)) return `category ${id} is listed twice`;
    seen.add(id);
    list.push({ id, name, nameEn: nameEn || name });
  }
  return list;
}

/** A category's name in the page's language, or the id itself when the list does not have it. */
export function categoryName(list: readonly Category[], id: string, locale: Locale): string {
  const category = list.find((c) => c.id === id);
  if (!category) return id;
  return locale === 'en' ? category.nameEn : category.name;
}

const KEY = 'openDecisionCategories';

/** Makes the list available to every page of this server (set once, at start). */
export function provideCategories(fastify: FastifyInstance, list: readonly Category[]): void {
  fastify.decorate(KEY, list);
}

/** The list given to `provideCategories`, or the built-in one. */
export function categoriesOf(fastify: FastifyInstance | undefined): readonly Category[] {
  const list = (fastify as unknown as Record<string, unknown> | undefined)?.[KEY];
  return Array.isArray(list) ? (list as Category[]) : DEFAULT_CATEGORIES;
}
