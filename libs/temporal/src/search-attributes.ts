import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTE_KEYS } from '../../../workflows/search-attributes';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

/**
 * Registers the decision search attributes on the namespace unless they exist. Idempotent; fails
 * when one exists with another type (someone else's attribute of the same name).
 */
export async function ensureSearchAttributes(
  connection: { operatorService: temporal.api.operatorservice.v1.OperatorService },
  namespace: string,
): Promise<string[]> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing: Record<string, temporal.api.enums.v1.IndexedValueType> = {};
  for (const key of SEARCH_ATTRIBUTE_KEYS) {
    const wanted = IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}` as keyof typeof IndexedValueType];
    const existing = customAttributes?.[key.name];
    if (existing === undefined || existing === null) missing[key.name] = wanted;
    else if (existing !== wanted) {
      throw new Error(
        `Search attribute ${key.name} exists with type ${IndexedValueType[existing]}, expected ${key.type}.`,
      );
    }
  }
  if (Object.keys(missing).length > 0) {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
  }
  return Object.keys(missing);
}
